#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C during a session: progress is already saved after every answer, so say so and exit.
enum StopSignal {
    static func install() {
        signal(SIGINT) { _ in
            let message = "\nStopped. Your answers so far are saved; continue with: csec-trainer train --resume\n"
            message.utf8CString.withUnsafeBufferPointer { buffer in
                _ = write(STDOUT_FILENO, buffer.baseAddress, buffer.count - 1)
            }
            _exit(130)
        }
    }
}

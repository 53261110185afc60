#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C during a session: progress is already saved after every answer, so say so and exit.
/// (Readline, when it is reading, puts the terminal back first and then calls this handler.)
enum StopSignal {
    static func install() {
        // A parent may start us with SIGINT blocked (tmux does); Ctrl-C must still stop the session.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        sigprocmask(SIG_UNBLOCK, &interrupt, nil)
        signal(SIGINT) { _ in
            let message = "\nStopped. Your answers so far are saved; continue with: csec-trainer train --resume\n"
            message.utf8CString.withUnsafeBufferPointer { buffer in
                _ = write(STDOUT_FILENO, buffer.baseAddress, buffer.count - 1)
            }
            _exit(130)
        }
    }
}

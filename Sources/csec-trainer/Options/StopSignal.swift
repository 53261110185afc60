#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Ctrl-C during a session: progress is already saved after every answer, so say so and exit.
/// (Readline, when it is reading, puts the terminal back first and then calls this handler.)
enum StopSignal {
    /// Lets Ctrl-C reach the program. A parent can start it with SIGINT blocked: Foundation's
    /// `Process` on Linux passes on the signal mask of the thread that launches it, which is how
    /// the tests' tmux server (and so the session under test) inherited a blocked SIGINT.
    static func unblock() {
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
    }

    /// From here on, Ctrl-C says where the answers are and exits with status 130. The handler
    /// only calls `write` and `_exit`, which are safe in a signal handler.
    static func install() {
        signal(SIGINT) { _ in
            let message: StaticString =
                "\nStopped. Your answers so far are saved; continue with: csec-trainer train --resume\n"
            message.withUTF8Buffer { buffer in _ = write(STDOUT_FILENO, buffer.baseAddress, buffer.count) }
            _exit(130)
        }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Ctrl-C during a session: progress is already saved after every answer, so say so and exit.
/// (Readline, when it is reading, puts the terminal back first and then calls this handler.)
enum StopSignal {
    /// Lets Ctrl-C (and SIGTERM and SIGHUP, which end a group session the same way) reach the
    /// program. A parent can start it with them blocked: Foundation's `Process` on Linux passes on
    /// the signal mask of the thread that launches it, which is how the tests' tmux server (and so
    /// the session under test) inherited a blocked SIGINT.
    static func unblock() {
        var stopping = sigset_t()
        sigemptyset(&stopping)
        for number in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&stopping, number) }
        pthread_sigmask(SIG_UNBLOCK, &stopping, nil)
    }

    /// From here on, Ctrl-C says where the answers are and how to continue (`resumeCommand`),
    /// and exits with status 130. The message is made here, before the handler can run; the
    /// handler only calls `write` and `_exit`, which are safe in a signal handler.
    static func install(resumeCommand: String) {
        let text = "\nStopped. Your answers so far are saved; continue with: \(resumeCommand)\n"
        stopMessage = UnsafeBufferPointer(start: strdup(text), count: text.utf8.count)
        signal(SIGINT) { _ in
            if let message = stopMessage { _ = write(STDOUT_FILENO, message.baseAddress, message.count) }
            _exit(130)
        }
    }
}

/// Set once, before the handler that reads it is installed (a signal handler cannot capture).
nonisolated(unsafe) private var stopMessage: UnsafeBufferPointer<CChar>?

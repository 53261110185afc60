import Synchronization

/// A session's final writing, done once whoever asks first: the end of the console loop or
/// a stopping signal (Ctrl-C, SIGTERM, SIGHUP). A second caller waits for the first (the lock is held while it writes) and gets the
/// same result, so a failure is never hidden by the second.
final class FinishOnce: Sendable {
    private let result = Mutex<Result<Void, any Error>?>(nil)
    private let work: @Sendable () throws -> Void

    init(_ work: @escaping @Sendable () throws -> Void) {
        self.work = work
    }

    func run() throws {
        try result.withLock { result in
            if result == nil { result = Result { try work() } }
            try result?.get()
        }
    }
}

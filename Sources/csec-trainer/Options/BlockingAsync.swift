import Dispatch
import Synchronization

/// Runs async work from a synchronous command and waits for it.
///
/// The command line stays synchronous on purpose: an async `main` hands the program to
/// libdispatch's main queue, whose threads block signals, and Ctrl-C would no longer stop a
/// training session. The certificate commands (jwt-kit's signing keys live in an actor) and
/// the group-session console (the room is an actor; its live count asks four times a second)
/// wait on async work; nothing here runs on the cooperative pool while it waits.
func waitFor<Value: Sendable>(_ work: @escaping @Sendable () async throws -> Value) throws -> Value {
    let done = DispatchSemaphore(value: 0)
    let result = Mutex<Result<Value, any Error>?>(nil)
    Task {
        do {
            let value = try await work()
            result.withLock { $0 = .success(value) }
        } catch {
            result.withLock { $0 = .failure(error) }
        }
        done.signal()
    }
    done.wait()
    return try result.withLock { $0! }.get()
}

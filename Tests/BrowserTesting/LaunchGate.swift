import Synchronization

/// Browsers start one at a time in a test process: suites run in parallel, and a dozen
/// Chromiums starting at once on a 2-core machine starved each other until DevTools stopped
/// answering. Only the start is taken in turn; the browsers then run side by side.
final class LaunchGate: Sendable {
    static let shared = LaunchGate()

    private struct State {
        var busy = false
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    /// Runs `body` once no other start is running, the others waiting in the order they came.
    func inTurn<Result: Sendable>(_ body: () async throws -> Result) async throws -> Result {
        await withCheckedContinuation { (turn: CheckedContinuation<Void, Never>) in
            let mine = state.withLock { state -> Bool in
                if state.busy {
                    state.waiting.append(turn)
                    return false
                }
                state.busy = true
                return true
            }
            if mine { turn.resume() }
        }
        defer {
            let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
                if state.waiting.isEmpty {
                    state.busy = false
                    return nil
                }
                return state.waiting.removeFirst()
            }
            next?.resume()
        }
        return try await body()
    }
}

import Synchronization

/// Counts and times shared by the web benchmark's simulated trainees, and the instant their
/// first round of answers starts (set once all have their first question on screen).
final class WebLoadState: Sendable {
    struct Counts: Sendable {
        var signedIn = 0
        var atFirstQuestion = 0
        var finished = 0
        var failed: [String] = []
        var answerTimes: [Duration] = []
        var firstRoundTimes: [Duration] = []
        var firstRoundStart: ContinuousClock.Instant?
    }

    private let counts = Mutex(Counts())

    func update(_ body: (inout Counts) -> Void) { counts.withLock { body(&$0) } }
    var snapshot: Counts { counts.withLock { $0 } }

    /// Waits until the first round's start is set.
    func firstRoundStart() async throws -> ContinuousClock.Instant {
        while true {
            if let start = counts.withLock({ $0.firstRoundStart }) { return start }
            try await Task.sleep(for: .milliseconds(5))
        }
    }
}

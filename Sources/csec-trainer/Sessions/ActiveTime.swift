/// Time spent answering: the time from one answer (or the start) to the next, with long
/// pauses (more than ten minutes away from the terminal) counted as ten minutes.
final class ActiveTime {
    static let longestCounted: Duration = .seconds(600)

    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private var spent: Duration

    init(alreadySpent seconds: Int) {
        spent = .seconds(seconds)
        last = clock.now
    }

    /// Counts the time since the last answer; returns the total in whole seconds.
    func answered() -> Int {
        let now = clock.now
        spent += min(now - last, Self.longestCounted)
        last = now
        return total
    }

    var total: Int { Int(spent.components.seconds) }
}

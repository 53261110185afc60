import Foundation

/// Time spent answering: from one answer (or the start of a run) to the next, with a long pause
/// (more than ten minutes away) counted as ten minutes, and a clock set back counted as nothing
/// (the next gap counts from the new time).
public struct ActiveTime: Sendable, Equatable {
    public static let longestCounted: TimeInterval = 600

    /// Whole seconds counted so far, over every run of the attempt.
    public private(set) var seconds: Int
    private var last: Date
    private var fraction: TimeInterval = 0

    /// A run that starts at `start`, after `alreadySpent` seconds in earlier runs.
    public init(alreadySpent: Int, from start: Date) {
        seconds = alreadySpent
        last = start
    }

    /// Counts the time from the last answer to `now`.
    public mutating func count(until now: Date) {
        let spent = min(max(0, now.timeIntervalSince(last)), Self.longestCounted) + fraction
        seconds += Int(spent)
        fraction = spent - spent.rounded(.down)
        last = now
    }
}

import Foundation
import Records

/// The time, as the application layer reads it: the system's by default, a fixed or stepped one
/// in tests. Records keep the UTC offset of the time zone here.
public struct TrainingClock: Sendable {
    public var now: @Sendable () -> Date
    public var timeZone: TimeZone

    public init(timeZone: TimeZone = .current, now: @escaping @Sendable () -> Date) {
        self.now = now
        self.timeZone = timeZone
    }

    /// The system's clock and time zone.
    public static var system: TrainingClock { TrainingClock { Date() } }

    /// `date` as a record keeps it, with the time zone's UTC offset then.
    public func timestamp(_ date: Date) -> Timestamp {
        Timestamp(date, utcOffsetSeconds: timeZone.secondsFromGMT(for: date))
    }

    /// Now, as a record keeps it.
    public func timestamp() -> Timestamp { timestamp(now()) }
}

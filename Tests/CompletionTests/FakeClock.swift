import Completion
import Foundation
import Synchronization

/// A clock a test moves by hand.
final class FakeClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_790_000_000)) {
        current = Mutex(start)
    }

    var now: Date { current.withLock { $0 } }

    func advance(seconds: TimeInterval) {
        current.withLock { $0 += seconds }
    }

    /// The application layer's clock, in Pacific standard time.
    var trainingClock: TrainingClock {
        TrainingClock(timeZone: TimeZone(secondsFromGMT: -8 * 3600)!) { [self] in now }
    }
}

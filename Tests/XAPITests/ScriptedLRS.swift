import Completion
import Foundation
import Synchronization

/// A transport that answers from a script (the last answer repeats) and keeps what it was sent.
final class ScriptedLRS: StatementTransport {
    private let state: Mutex<(answers: [TransportAnswer], sent: [Data])>

    init(_ answers: [TransportAnswer]) {
        state = Mutex((answers, []))
    }

    var sent: [Data] { state.withLock { $0.sent } }

    func send(_ statements: Data) async -> TransportAnswer {
        state.withLock { state in
            state.sent.append(statements)
            return state.answers.count > 1 ? state.answers.removeFirst() : state.answers[0]
        }
    }
}

/// A clock whose sleeps return at once and are written down.
final class RecordingClock: Clock, Sendable {
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (left: Instant, right: Instant) -> Bool { left.offset < right.offset }
    }

    private let slept = Mutex<[Duration]>([])
    var sleeps: [Duration] { slept.withLock { $0 } }
    var now: Instant { Instant(offset: slept.withLock { $0.reduce(.zero, +) }) }
    var minimumResolution: Duration { .nanoseconds(1) }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        let pause = now.duration(to: deadline)
        slept.withLock { $0.append(pause) }
    }
}

import NIOCore
import Synchronization

/// The server's open connections, in the order they opened, and which of them have not yet sent
/// a complete request: those are the ones closed first when the cap is reached, oldest first, so
/// that sockets held open without a request cannot keep a new device out.
public final class OpenConnections: Sendable {
    /// What to do with a connection that has just opened.
    enum Admission {
        /// Serve it (under this number); close `evicting` first, if any, to stay within the cap.
        case admitted(number: UInt64, evicting: (any Channel)?)
        /// Close it: the cap is reached and every open connection has sent a request.
        case refused
    }

    private struct Entry {
        var channel: any Channel
        var awaitingRequest: Bool
    }

    private struct State {
        var entries: [UInt64: Entry] = [:]
        var nextNumber: UInt64 = 0
        /// Numbers in opening order; some have since closed or sent a request (skipped lazily).
        var openingOrder: [UInt64] = []
        var oldest = 0
    }

    let limit: Int
    private let state = Mutex(State())

    public init(limit: Int) {
        self.limit = limit
    }

    var count: Int { state.withLock { $0.entries.count } }

    func opened(_ channel: any Channel) -> Admission {
        state.withLock { state in
            var evicting: (any Channel)?
            if state.entries.count >= limit {
                guard let oldest = Self.takeOldestAwaitingRequest(&state) else { return .refused }
                evicting = oldest
            }
            let number = state.nextNumber
            state.nextNumber += 1
            state.entries[number] = Entry(channel: channel, awaitingRequest: true)
            state.openingOrder.append(number)
            return .admitted(number: number, evicting: evicting)
        }
    }

    /// The connection has sent a complete request head: it is no longer the first to go.
    func sentRequest(_ number: UInt64) {
        state.withLock { $0.entries[number]?.awaitingRequest = false }
    }

    func closed(_ number: UInt64) {
        state.withLock { state in
            state.entries[number] = nil
            Self.compact(&state)
        }
    }

    private static func takeOldestAwaitingRequest(_ state: inout State) -> (any Channel)? {
        while state.oldest < state.openingOrder.count {
            let number = state.openingOrder[state.oldest]
            state.oldest += 1
            if let entry = state.entries[number], entry.awaitingRequest {
                state.entries[number] = nil
                compact(&state)
                return entry.channel
            }
        }
        return nil
    }

    /// Drops the numbers already passed, and those of connections no longer awaiting a request
    /// once they outnumber the open connections, so that the order stays about their size.
    private static func compact(_ state: inout State) {
        if state.oldest > 1_024, state.oldest * 2 > state.openingOrder.count {
            state.openingOrder.removeFirst(state.oldest)
            state.oldest = 0
        }
        if state.openingOrder.count > 2 * state.entries.count + 1_024 {
            state.openingOrder = state.openingOrder[state.oldest...].filter { state.entries[$0]?.awaitingRequest == true }
            state.oldest = 0
        }
    }
}

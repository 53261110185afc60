import Foundation

/// Delivers an outbox's batches to a learning record store, one record's statements per
/// request. A batch the LRS accepted is logged and removed; a conflict (409) or a refusal
/// (400, 413) is reported and kept, and the others are still sent; refused credentials (401,
/// 403) stop the delivery; an unavailable LRS (5xx, timeout, no connection) is tried again
/// after a pause that doubles each time (``backoff``), waited on `clock`, and stops the
/// delivery after ``attempts`` tries. Nothing is lost: what was not delivered stays queued.
public struct StatementDelivery<DeliveryClock: Clock>: Sendable where DeliveryClock.Duration == Duration {
    public let outbox: StatementOutbox
    public let transport: any StatementTransport
    public let clock: DeliveryClock
    /// Tries per batch while the LRS is unavailable.
    public var attempts: Int
    /// The first pause; then twice as long each time.
    public var backoff: Duration

    public init(
        outbox: StatementOutbox, transport: any StatementTransport, clock: DeliveryClock, attempts: Int = 4,
        backoff: Duration = .seconds(2)
    ) {
        self.outbox = outbox
        self.transport = transport
        self.clock = clock
        self.attempts = max(1, attempts)
        self.backoff = backoff
    }

    /// Sends every queued batch, holding the outbox's lock.
    public func drain() async throws(StatementDeliveryError) -> DeliveryReport {
        try await outbox.whileLocked { () async throws(StatementDeliveryError) -> DeliveryReport in
            var report = DeliveryReport()
            let recordIDs = try outbox.pendingRecordIDs()
            for (index, recordID) in recordIDs.enumerated() {
                let batch = try outbox.batch(recordID)
                let answer = await send(batch)
                switch answer {
                case .delivered:
                    try outbox.markDelivered(batch.recordID)
                    report.delivered.append(batch.recordID)
                case .conflict(let message):
                    report.conflicts.append(.init(recordID: batch.recordID, message: message))
                case .refused(let status, let message):
                    report.refused.append(.init(recordID: batch.recordID, message: "\(status): \(message)"))
                case .unavailable(let message):
                    report.stopped = .unavailable(message)
                }
                if answer.refusesEveryBatch, case .refused(let status, let message) = answer {
                    report.stopped = .credentialsRefused(status: status, message: message)
                }
                if report.stopped != nil {
                    report.notTried = recordIDs.count - index - 1
                    break
                }
            }
            report.stillQueued = try outbox.pendingRecordIDs().count
            return report
        }
    }

    private func send(_ batch: StatementOutbox.Batch) async -> TransportAnswer {
        var pause = backoff
        var answer = await transport.send(batch.statements)
        for _ in 1..<attempts {
            guard case .unavailable = answer else { return answer }
            do {
                try await clock.sleep(for: pause)
            } catch {
                return answer
            }
            pause *= 2
            answer = await transport.send(batch.statements)
        }
        return answer
    }
}

/// What one delivery did.
public struct DeliveryReport: Sendable, Equatable {
    /// Records whose statements the LRS accepted now.
    public var delivered: [String] = []
    /// Records with a statement the LRS holds already under the same id, different (409).
    public var conflicts: [Problem] = []
    /// Records the LRS refused (400, 413…).
    public var refused: [Problem] = []
    /// Why the delivery stopped before the end, if it did.
    public var stopped: Stop?
    /// Batches not sent because the delivery stopped.
    public var notTried = 0
    /// Batches still queued afterwards (refused, conflicting and not tried).
    public var stillQueued = 0

    public struct Problem: Sendable, Equatable {
        public var recordID: String
        public var message: String
    }

    public enum Stop: Sendable, Equatable, CustomStringConvertible {
        case unavailable(String)
        case credentialsRefused(status: Int, message: String)

        public var description: String {
            switch self {
            case .unavailable(let reason):
                "The learning record store is unavailable (\(reason)); the statements stay queued and are sent next time."
            case .credentialsRefused(let status, let message):
                "The learning record store refused the credentials (\(status): \(message)); the statements stay queued. "
                    + "Check the user name or password, or, with an access token, that it has not expired "
                    + "and was issued for this LRS."
            }
        }
    }
}

import Accounts
import ContentLoading
import Foundation
import Storage
import XAPI

/// One installation's xAPI statements on their way to one learning record store: how they are
/// made (the actors' policy, the content the questions are rebuilt from), where they wait (the
/// outbox for that LRS in the data directory) and how they travel (the transport). `records send`
/// and the district server both send through one.
public struct StatementChannel: Sendable {
    public let endpoint: URL
    public let outbox: StatementOutbox
    public let transport: any StatementTransport
    public let actors: ActorPolicy
    /// The content the questions are rebuilt from; without it each question's statement lists only
    /// the chosen and the correct choice.
    public let content: TrainingContent?

    public init(
        endpoint: URL, dataDirectory: URL, transport: any StatementTransport, actors: ActorPolicy, content: TrainingContent?
    ) {
        self.endpoint = endpoint
        outbox = StatementOutbox(directory: StatementOutbox.directory(in: dataDirectory, for: endpoint))
        self.transport = transport
        self.actors = actors
        self.content = content
    }

    /// The statements of `records`' records.
    public func export(_ records: any RecordRepository) -> StatementExport {
        StatementExport(records: records, actors: actors, content: content)
    }

    /// A delivery of the outbox, its pauses waited on `clock`.
    public func delivery<DeliveryClock: Clock>(clock: DeliveryClock) -> StatementDelivery<DeliveryClock> {
        StatementDelivery(outbox: outbox, transport: transport, clock: clock)
    }

    // MARK: Sending once

    /// What ``sendAll(from:clock:)`` did.
    public struct Sent: Sendable {
        public var queued: StatementExport.Queued
        public var delivery: DeliveryReport
    }

    /// Queues every record of `records` not queued or delivered before, then sends the whole
    /// outbox once (what was queued earlier and not delivered goes too).
    public func sendAll<DeliveryClock: Clock>(
        from records: any RecordRepository, clock: DeliveryClock
    ) async throws(StatementDeliveryError) -> Sent where DeliveryClock.Duration == Duration {
        let queued = try await export(records).enqueueAll(into: outbox)
        return Sent(queued: queued, delivery: try await delivery(clock: clock).drain())
    }

    /// The audit log's line for a send by `actor`: how many records the LRS accepted, and how
    /// many are still queued.
    public func auditEvent(_ sent: Sent, by actor: String, at time: Date) -> AuditEvent {
        let count = sent.delivery.delivered.count
        return AuditEvent(
            at: time, action: .statementsSent, actor: actor,
            detail: "xAPI statements of \(count) \(count == 1 ? "record" : "records") sent to \(endpoint.absoluteString), "
                + "\(sent.delivery.stillQueued) still queued")
    }

    // MARK: Sending while a server runs

    /// What happened while sending in the background, for the server's log.
    public enum Event: Sendable {
        /// Records stored while the server was down (or whose queueing failed) were queued.
        case backlogQueued(StatementExport.Queued)
        /// A record was stored but its statements could not be queued (`records send` queues them later).
        case notQueued(StatementDeliveryError)
        /// A delivery ended.
        case delivered(DeliveryReport)
        /// A delivery could not start or go on (the outbox could not be read…).
        case deliveryFailed(StatementDeliveryError)
    }

    /// `base`, queueing each record's statements once it is stored, and asking `sender` to send.
    public func queueing<DeliveryClock>(
        over base: any RecordRepository, sender: StatementSender<DeliveryClock>,
        heard: @escaping @Sendable (Event) -> Void
    ) -> any RecordRepository {
        StatementQueueingRepository(base: base, export: export(base), outbox: outbox) { queued in
            switch queued {
            case .success: sender.nudge()
            case .failure(let error): heard(.notQueued(error))
            }
        }
    }

    /// Queues the backlog of `records` (what is neither queued nor delivered), then sends through
    /// `sender` until the task is cancelled; `heard` hears of each step.
    public func sendInBackground<DeliveryClock>(
        records: any RecordRepository, sender: StatementSender<DeliveryClock>, heard: @escaping @Sendable (Event) -> Void
    ) async {
        do {
            heard(.backlogQueued(try await export(records).enqueueAll(into: outbox)))
        } catch {
            heard(.notQueued(error))
        }
        await sender.run { result in
            switch result {
            case .success(let report): heard(.delivered(report))
            case .failure(let error): heard(.deliveryFailed(error))
            }
        }
    }
}

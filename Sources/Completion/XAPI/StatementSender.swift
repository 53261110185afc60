import Foundation

/// Delivers an outbox in the background while a server runs: at once, after each ``nudge()``
/// (a record was queued), and again after ``retryAfter`` while statements are left (the LRS is
/// down, or another sender holds the outbox), until its task is cancelled.
public struct StatementSender<DeliveryClock: Clock>: Sendable where DeliveryClock.Duration == Duration {
    public let delivery: StatementDelivery<DeliveryClock>
    public let retryAfter: Duration
    private let nudges: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    public init(delivery: StatementDelivery<DeliveryClock>, retryAfter: Duration = .seconds(60)) {
        self.delivery = delivery
        self.retryAfter = retryAfter
        (nudges, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Asks for a delivery soon (one pending nudge is kept, however many arrive).
    public func nudge() { continuation.yield() }

    /// Delivers until cancelled; `reported` hears of each delivery.
    public func run(reported: @Sendable (Result<DeliveryReport, StatementDeliveryError>) -> Void) async {
        var iterator = nudges.makeAsyncIterator()
        while !Task.isCancelled {
            let left: Bool
            do {
                let report = try await delivery.drain()
                reported(.success(report))
                left = report.stillQueued > 0
            } catch {
                reported(.failure(error))
                left = true
            }
            if left {
                do {
                    try await delivery.clock.sleep(for: retryAfter)
                } catch {
                    return
                }
            } else if await iterator.next() == nil {
                return
            }
        }
    }

    /// Ends ``run(reported:)`` once its current delivery is done.
    public func finish() { continuation.finish() }
}

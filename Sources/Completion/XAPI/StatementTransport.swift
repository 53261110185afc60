import Foundation

/// Sends one batch of statements (a JSON array) to a learning record store and says what the
/// LRS answered. The HTTP adapter is `LRSDelivery.LRSClient`; tests give a scripted one.
public protocol StatementTransport: Sendable {
    func send(_ statements: Data) async -> TransportAnswer
}

/// What an LRS did with a batch.
public enum TransportAnswer: Sendable, Equatable {
    /// Stored, or stored already as sent (200 or 204).
    case delivered
    /// A statement with one of the ids is stored already and differs (409): reported and kept (sent again at the next delivery, and reported again).
    case conflict(String)
    /// Refused for good (400, 401, 403, 413 and other 4xx): kept, to send once fixed.
    case refused(status: Int, message: String)
    /// Not answered, or a server error (5xx, a timeout, no connection): tried again later.
    case unavailable(String)

    /// 401 and 403: the credentials, which no other batch will get past either.
    public var refusesEveryBatch: Bool {
        if case .refused(let status, _) = self { return status == 401 || status == 403 }
        return false
    }
}

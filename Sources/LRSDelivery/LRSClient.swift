import AsyncHTTPClient
import Completion
import Foundation
import NIOCore
import NIOHTTP1

/// ``Completion/StatementTransport`` over HTTP: POSTs a batch to `<endpoint>statements` with
/// the ``LRSCredentials`` and `X-Experience-API-Version: 1.0.3` (xAPI-Communication §2.1.2,
/// §6.2) and sorts the answer: 200 and 204 delivered, 409 a conflict, other 4xx refused,
/// 5xx, a timeout or no connection unavailable. The LRS's own version header is not required
/// (Ralph sends none).
///
/// A connection is given ``connectTimeout`` (5 s), tried once: an LRS that is down (connection
/// refused) answers unavailable at once, and an unreachable one within the connect timeout,
/// not after the whole request's `timeoutSeconds`.
public struct LRSClient: StatementTransport {
    /// The LRS's xAPI endpoint, ending in `/` (e.g. `https://lrs.district.org/xAPI/`).
    public let endpoint: URL
    private let credentials: LRSCredentials
    private let client: HTTPClient
    private let timeout: TimeAmount

    /// How long a connection to the LRS may take to open.
    public static let connectTimeout: TimeAmount = .seconds(5)

    /// The client every `LRSClient` uses unless given another: AsyncHTTPClient's shared
    /// configuration, except that a connection must open within ``connectTimeout`` and one that
    /// fails is not tried again until the request's deadline (with the shared client, an LRS
    /// that refused connections was reported only after the request's whole timeout, 30 s).
    public static let sharedClient: HTTPClient = {
        var configuration = HTTPClient.Configuration.singletonConfiguration
        configuration.timeout.connect = connectTimeout
        configuration.connectionPool.retryConnectionEstablishment = false
        // A redirected POST would be followed as a GET, whose 200 is no acknowledgement: the
        // statements would count as delivered and never be stored. A redirect is reported instead.
        configuration.redirectConfiguration = .disallow
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    public init(
        endpoint: URL, credentials: LRSCredentials, client: HTTPClient = LRSClient.sharedClient, timeoutSeconds: Int64 = 30
    ) {
        self.endpoint = endpoint.absoluteString.hasSuffix("/") ? endpoint : URL(string: endpoint.absoluteString + "/") ?? endpoint
        self.credentials = credentials
        self.client = client
        timeout = .seconds(timeoutSeconds)
    }

    /// `<endpoint>statements`.
    public var statementsURL: URL { endpoint.appending(path: "statements") }

    public func send(_ statements: Data) async -> TransportAnswer {
        let authorization: String
        do {
            authorization = try credentials.authorization()
        } catch {
            return .unavailable(error.description)
        }
        var request = HTTPClientRequest(url: statementsURL.absoluteString)
        request.method = .POST
        request.headers.add(name: "Authorization", value: authorization)
        request.headers.add(name: "X-Experience-API-Version", value: "1.0.3")
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: statements))
        do {
            let response = try await client.execute(request, timeout: timeout)
            let body = try await response.body.collect(upTo: 1 << 20)
            return Self.answer(
                status: Int(response.status.code), body: String(buffer: body),
                location: response.headers.first(name: "Location"))
        } catch {
            return .unavailable("no answer from \(endpoint.absoluteString): \(error)")
        }
    }

    /// What an LRS's status (and its message) means for the batch. A POST of statements is
    /// acknowledged by 200 with the array of the ids stored (xAPI-Communication §2.1.2; an empty
    /// one when all were stored before) or by 204: a 200 without it, or a redirect, is reported
    /// and the batch kept. A request timeout (408) and too many requests (429) are tried later.
    public static func answer(status: Int, body: String, location: String? = nil) -> TransportAnswer {
        let message = Self.message(body)
        switch status {
        case 204: return .delivered
        case 200:
            guard let ids = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [Any], ids.allSatisfy({ $0 is String })
            else {
                return .refused(
                    status: status, message: "the answer is not the list of the statements stored (is this an xAPI endpoint?)")
            }
            return .delivered
        case 300..<400:
            return .refused(
                status: status,
                message:
                    "the LRS answered with a redirect to \(location ?? "another address"): give that address as the LRS's xAPI endpoint"
            )
        case 408, 429: return .unavailable("status \(status)" + (message.isEmpty ? "" : ": \(message)"))
        case 409: return .conflict(message.isEmpty ? "a statement with the same id differs" : message)
        case 400..<500: return .refused(status: status, message: message)
        default: return .unavailable("status \(status)" + (message.isEmpty ? "" : ": \(message)"))
        }
    }

    /// The LRS's `detail` (FastAPI, Ralph) or the body's start, on one line.
    private static func message(_ body: String) -> String {
        if let object = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any],
            let detail = object["detail"] as? String ?? object["message"] as? String
        {
            return detail
        }
        return String(body.prefix(300)).split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

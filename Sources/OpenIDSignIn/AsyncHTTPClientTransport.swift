import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// ``OpenIDTransport`` over AsyncHTTPClient's shared client: a time limit on every request, and
/// replies larger than a megabyte refused (a discovery document, a key set and a token response
/// are a few kilobytes).
public struct AsyncHTTPClientTransport: OpenIDTransport {
    private let client: HTTPClient
    private let timeout: TimeAmount

    /// `client` defaults to AsyncHTTPClient's process-wide shared client, which needs no shutdown.
    public init(client: HTTPClient = .shared, timeoutSeconds: Int64 = 15) {
        self.client = client
        self.timeout = .seconds(timeoutSeconds)
    }

    public func send(_ request: OpenIDHTTPRequest) async throws -> OpenIDHTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = request.method == .post ? .POST : .GET
        for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
        if request.method == .post { outgoing.body = .bytes(ByteBuffer(bytes: request.body)) }
        let response = try await client.execute(outgoing, timeout: timeout)
        let body = try await response.body.collect(upTo: 1 << 20)
        var headers: [String: String] = [:]
        for (name, value) in response.headers { headers[name.lowercased()] = value }
        return OpenIDHTTPResponse(status: Int(response.status.code), headers: headers, body: Array(body.readableBytesView))
    }
}

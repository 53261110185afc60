import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Requests over a real connection, as a browser sends them (no redirect followed).
struct PlainClient: Sendable {
    let client: HTTPClient
    let address: String

    struct Reply: Sendable {
        var status: HTTPResponseStatus
        var headers: HTTPHeaders
        var body: String
    }

    func send(_ method: HTTPMethod, _ path: String, cookie: String? = nil, form: String? = nil) async throws -> Reply {
        var request = HTTPClientRequest(url: address + path)
        request.method = method
        if let cookie { request.headers.add(name: "Cookie", value: cookie) }
        if let form {
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.headers.add(name: "Origin", value: address)
            request.body = .bytes(ByteBuffer(string: form))
        }
        let response = try await client.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        return Reply(status: response.status, headers: response.headers, body: String(buffer: body))
    }

    static func encoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension String {
    /// The value of the input named `name` in this page.
    func firstField(_ name: String) -> String? {
        guard let start = range(of: #"name="\#(name)" value=""#)?.upperBound, let end = self[start...].firstIndex(of: "\"")
        else { return nil }
        return String(self[start..<end])
    }
}

enum Waiting {
    struct TimedOut: Error {}

    /// Waits (up to 10 s, checking every 10 ms) until `condition` holds.
    static func until(_ condition: @Sendable () -> Bool) async throws {
        for _ in 0..<1_000 {
            if condition() { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw TimedOut()
    }

    /// Waits until the server has a port.
    static func forPort(_ port: @Sendable () -> Int) async throws {
        try await until { port() != 0 }
    }
}

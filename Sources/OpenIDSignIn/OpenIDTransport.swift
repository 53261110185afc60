import Foundation

/// How the relying party talks to the provider: one HTTP request, one reply. The server uses
/// ``AsyncHTTPClientTransport``; tests put a recording or tampering transport around it.
public protocol OpenIDTransport: Sendable {
    func send(_ request: OpenIDHTTPRequest) async throws -> OpenIDHTTPResponse
}

/// A GET, or a POST of a form.
public struct OpenIDHTTPRequest: Sendable, Equatable {
    public enum Method: String, Sendable {
        case get = "GET"
        case post = "POST"
    }

    public var method: Method
    public var url: URL
    public var headers: [String: String]
    public var body: [UInt8]

    public init(method: Method, url: URL, headers: [String: String] = [:], body: [UInt8] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

public struct OpenIDHTTPResponse: Sendable, Equatable {
    public var status: Int
    /// Header names in lower case.
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String] = [:], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

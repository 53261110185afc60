import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore

/// A browser as the tests drive it over HummingbirdTesting: a cookie jar of its own (so two of
/// them are two devices), forms posted with the page's `Origin`, redirects followed.
struct TestBrowser {
    let client: any TestClientProtocol
    /// The origin its forms are sent from: the server's own, unless a test forges another.
    var origin = "http://localhost"
    private(set) var cookies: [String: String] = [:]

    init(_ client: any TestClientProtocol) {
        self.client = client
    }

    /// Takes `cookies` as its own (a cookie copied from another browser).
    mutating func restore(_ cookies: [String: String]) {
        self.cookies = cookies
    }

    struct Page {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: String
        var bytes: [UInt8]
        /// The path it was finally read from, after redirects.
        var path: String

        /// The value of the first hidden or other input named `name`.
        func field(_ name: String) -> String? {
            let marker = #"name="\#(name)" value=""#
            guard let start = body.range(of: marker)?.upperBound, let end = body[start...].firstIndex(of: "\"") else {
                return nil
            }
            return Self.unescaped(String(body[start..<end]))
        }

        static func unescaped(_ text: String) -> String {
            text.replacing("&quot;", with: "\"").replacing("&#39;", with: "'").replacing("&lt;", with: "<")
                .replacing("&gt;", with: ">").replacing("&amp;", with: "&")
        }
    }

    /// GETs `path`, following redirects.
    mutating func get(_ path: String) async throws -> Page {
        try await request(path, method: .get, body: nil)
    }

    /// POSTs `fields` as a form to `path`, following the redirect that answers it.
    mutating func post(_ path: String, _ fields: [(String, String)], headers: HTTPFields? = nil) async throws -> Page {
        let body = fields.map { "\(Self.encoded($0.0))=\(Self.encoded($0.1))" }.joined(separator: "&")
        return try await request(path, method: .post, body: body, extraHeaders: headers)
    }

    /// POSTs `fields` without following the redirect (or keeping its cookies): the status and
    /// where it points.
    func sending(_ path: String, _ fields: [(String, String)]) async throws -> (
        status: HTTPResponse.Status, location: String?
    ) {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .origin: origin]
        headers[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        let body = fields.map { "\(Self.encoded($0.0))=\(Self.encoded($0.1))" }.joined(separator: "&")
        let response = try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
        return (response.status, response.headers[.location])
    }

    mutating func request(
        _ path: String, method: HTTPRequest.Method, body: String?, extraHeaders: HTTPFields? = nil
    ) async throws -> Page {
        var path = path
        var method = method
        var body = body
        for _ in 0..<10 {
            var headers: HTTPFields = [:]
            if !cookies.isEmpty {
                headers[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            }
            if method == .post {
                headers[.contentType] = "application/x-www-form-urlencoded"
                headers[.origin] = origin
            }
            if let extraHeaders { for field in extraHeaders { headers[field.name] = field.value } }
            let response = try await client.execute(
                uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
            remember(response.headers[values: .setCookie])
            if response.status == .seeOther || response.status == .found, let location = response.headers[.location] {
                (path, method, body) = (location, .get, nil)
                continue
            }
            let bytes = Array(response.body.readableBytesView)
            return Page(
                status: response.status, headers: response.headers, body: String(decoding: bytes, as: UTF8.self),
                bytes: bytes, path: path)
        }
        throw RedirectLoop()
    }

    struct RedirectLoop: Error {}

    /// The Set-Cookie lines' name and value (a Max-Age of 0 forgets the cookie).
    private mutating func remember(_ setCookies: [String]) {
        for line in setCookies {
            let parts = line.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let pair = parts.first, let equals = pair.firstIndex(of: "=") else { continue }
            let name = String(pair[..<equals])
            let value = String(pair[pair.index(after: equals)...])
            if parts.contains("Max-Age=0") || value.isEmpty { cookies[name] = nil } else { cookies[name] = value }
        }
    }

    private static func encoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

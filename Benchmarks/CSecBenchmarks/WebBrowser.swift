import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// What a browser does for one trainee of the web benchmark: it keeps the session cookie the
/// server sets, sends the pages' forms with this server's `Origin`, and follows no redirect by
/// itself (the trainee does, so that each step is seen).
struct WebBrowser {
    let client: HTTPClient
    /// `http://127.0.0.1:PORT`: where requests go, and the `Origin` of the forms.
    let origin: String
    var cookie: String?

    struct Page {
        var status: HTTPResponseStatus
        var location: String?
        var body: String
    }

    func get(_ path: String) async throws -> Page {
        try await send(HTTPClientRequest(url: origin + path))
    }

    /// Sends `fields` URL-encoded, as the page's form does.
    func post(_ path: String, form fields: KeyValuePairs<String, String>) async throws -> Page {
        var request = HTTPClientRequest(url: origin + path)
        request.method = .POST
        request.headers.add(name: "origin", value: origin)
        request.headers.add(name: "content-type", value: "application/x-www-form-urlencoded")
        request.body = .bytes(ByteBuffer(string: fields.map { "\($0.key)=\(Self.encoded($0.value))" }.joined(separator: "&")))
        return try await send(request)
    }

    /// Follows a sign-in link and keeps the session cookie it sets.
    mutating func signIn(with link: String) async throws -> Page {
        let response = try await client.execute(HTTPClientRequest(url: link), timeout: .seconds(60))
        cookie = response.headers["set-cookie"].first { $0.hasPrefix("csec-session=") }.map { String($0.prefix { $0 != ";" }) }
        return Page(
            status: response.status, location: response.headers.first(name: "location"),
            body: String(buffer: try await response.body.collect(upTo: 1 << 22)))
    }

    private func send(_ request: HTTPClientRequest) async throws -> Page {
        var request = request
        if let cookie { request.headers.add(name: "cookie", value: cookie) }
        let response = try await client.execute(request, timeout: .seconds(60))
        return Page(
            status: response.status, location: response.headers.first(name: "location"),
            body: String(buffer: try await response.body.collect(upTo: 1 << 22)))
    }

    private static func encoded(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? value
    }

    private static let unreserved = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
}

extension WebBrowser.Page {
    /// The values of the form fields named `name` on the page (`name="…" value="…"`), in order,
    /// their entities read back.
    func fieldValues(named name: String) -> [String] {
        var values: [String] = []
        var rest = body[...]
        let marker = #"name="\#(name)" value=""#
        while let found = rest.range(of: marker) {
            let valueEnd = rest[found.upperBound...].firstIndex(of: "\"") ?? rest.endIndex
            values.append(Self.unescaped(rest[found.upperBound..<valueEnd]))
            rest = rest[valueEnd...]
        }
        return values
    }

    func fieldValue(named name: String) -> String? { fieldValues(named: name).first }

    private static func unescaped(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The browser's part at the mock provider: its authorization form posted (as a person signing
/// in, or declining), and the query of the redirect it answers with read instead of followed.
public enum ProviderBrowser {
    /// Signs in as `subject`; the query the provider sends the browser back with.
    public static func approve(_ authorizationURL: URL, as subject: String) async throws -> String {
        try await submit(authorizationURL, form: "sub=" + escaped(subject))
    }

    /// Declines the sign-in; the query the provider sends the browser back with.
    public static func deny(_ authorizationURL: URL) async throws -> String {
        try await submit(authorizationURL, form: "action=deny")
    }

    /// Gives the provider's user `subject` these claims (the mock's `PUT /users/{sub}`).
    public static func setClaims(_ claims: [String: any Sendable], of subject: String, at provider: OpenIDProviderMock)
        async throws
    {
        let body = try JSONSerialization.data(withJSONObject: claims)
        var request = HTTPClientRequest(url: "\(provider.issuer)/users/\(escaped(subject))")
        request.method = .PUT
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: body))
        let status = try await withClient { try await $0.execute(request, timeout: .seconds(30)).status.code }
        guard status == 204 else { throw ProviderBrowserError.unexpected("PUT /users answered \(status)") }
    }

    /// An ID token the provider issued to `clientID` for `subject`, through its whole code flow
    /// (the authorization form approved, the code exchanged at the token endpoint with the
    /// client's secret): a real signed JWT whose audience is `clientID`.
    public static func idToken(for subject: String, clientID: String, at provider: OpenIDProviderMock) async throws
        -> String
    {
        let redirect = "http://127.0.0.1:9/callback"
        var authorization = URLComponents(string: "\(provider.issuer)/oauth2/authorize")!
        authorization.queryItems = [
            URLQueryItem(name: "client_id", value: clientID), URLQueryItem(name: "redirect_uri", value: redirect),
            URLQueryItem(name: "response_type", value: "code"), URLQueryItem(name: "scope", value: "openid"),
            URLQueryItem(name: "state", value: UUID().uuidString),
        ]
        let query = try await approve(authorization.url!, as: subject)
        guard let code = URLComponents(string: "?" + query)?.queryItems?.first(where: { $0.name == "code" })?.value else {
            throw ProviderBrowserError.unexpected("the provider sent no code back: \(query)")
        }
        var request = HTTPClientRequest(url: "\(provider.issuer)/oauth2/token")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(
            name: "Authorization", value: "Basic " + Data("\(clientID):client-secret".utf8).base64EncodedString())
        request.body = .bytes(
            ByteBuffer(string: "grant_type=authorization_code&code=\(escaped(code))&redirect_uri=\(escaped(redirect))"))
        let body = try await withClient { client in
            let response = try await client.execute(request, timeout: .seconds(30))
            return (response.status.code, Data(try await response.body.collect(upTo: 1 << 20).readableBytesView))
        }
        guard body.0 == 200, let answer = try? JSONSerialization.jsonObject(with: body.1) as? [String: Any],
            let token = answer["id_token"] as? String
        else {
            throw ProviderBrowserError.unexpected(
                "the token endpoint answered \(body.0): \(String(decoding: body.1, as: UTF8.self))")
        }
        return token
    }

    private static func submit(_ url: URL, form: String) async throws -> String {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.body = .bytes(ByteBuffer(string: form))
        let location = try await withClient { client in
            let response = try await client.execute(request, timeout: .seconds(30))
            return (response.status.code, response.headers.first(name: "location"))
        }
        guard (300..<400).contains(location.0), let redirect = location.1,
            let query = URLComponents(string: redirect)?.percentEncodedQuery
        else { throw ProviderBrowserError.unexpected("the authorization form answered \(location.0), not a redirect") }
        return query
    }

    /// A client of its own that follows no redirect, shut down after `body`.
    private static func withClient<Result: Sendable>(_ body: (HTTPClient) async throws -> Result) async throws -> Result {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        do {
            let result = try await body(client)
            try await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    private static func escaped(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}

public enum ProviderBrowserError: Error, CustomStringConvertible {
    case unexpected(String)
    public var description: String {
        switch self {
        case .unexpected(let what): what
        }
    }
}

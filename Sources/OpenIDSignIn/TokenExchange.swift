import Foundation

/// The token request of the authorization-code flow (OpenID Connect Core §3.1.3.1, RFC 7636
/// §4.5) and the ID token in its reply (§3.1.3.3).
enum TokenExchange {
    static func request(
        code: String, pending: PendingSignIn, settings: OpenIDSignInSettings, metadata: ProviderMetadata
    ) throws(OpenIDSignInError) -> OpenIDHTTPRequest {
        var fields = [
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", pending.redirectURI),
            ("code_verifier", pending.codeVerifier),
        ]
        var headers = ["Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"]
        switch try metadata.clientAuthentication() {
        case .basic:
            // RFC 6749 §2.3.1: each part form-encoded before they are joined.
            let credentials = FormEncoding.encode(settings.clientID) + ":" + FormEncoding.encode(settings.clientSecret)
            headers["Authorization"] = "Basic " + Data(credentials.utf8).base64EncodedString()
        case .post:
            fields += [("client_id", settings.clientID), ("client_secret", settings.clientSecret)]
        }
        return OpenIDHTTPRequest(
            method: .post, url: metadata.tokenEndpoint, headers: headers, body: Array(FormEncoding.encode(fields).utf8))
    }

    /// The `id_token` of a successful reply; the provider's error otherwise.
    static func idToken(from response: OpenIDHTTPResponse, url: URL) throws(OpenIDSignInError) -> String {
        let reply = try? JSONDecoder().decode(Reply.self, from: Data(response.body))
        guard response.status == 200 else {
            throw .tokenRequestRefused(status: response.status, error: reply?.error, description: reply?.errorDescription)
        }
        guard let reply else { throw .unreadableDocument(url: url.absoluteString, reason: "not a JSON token response") }
        guard let idToken = reply.idToken, !idToken.isEmpty else {
            throw .unreadableDocument(
                url: url.absoluteString, reason: "the reply has no ID token: check that the openid scope is allowed")
        }
        return idToken
    }

    private struct Reply: Decodable {
        var idToken: String?
        var error: String?
        var errorDescription: String?

        enum CodingKeys: String, CodingKey {
            case idToken = "id_token"
            case error
            case errorDescription = "error_description"
        }
    }
}

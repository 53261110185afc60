import Foundation

/// The authorization request of the authorization-code flow with PKCE (OpenID Connect Core
/// §3.1.2.1, RFC 7636 §4.3): the address the browser is sent to.
enum AuthorizationRequest {
    static func url(
        endpoint: URL, settings: OpenIDSignInSettings, pending: PendingSignIn
    ) -> URL? {
        guard var components = URLComponents(url: endpoint, resolvingAgainstBaseURL: false) else { return nil }
        let parameters = [
            ("response_type", "code"), ("client_id", settings.clientID), ("redirect_uri", pending.redirectURI),
            ("scope", settings.scopes.joined(separator: " ")), ("state", pending.state), ("nonce", pending.nonce),
            ("code_challenge", PKCE.challenge(forVerifier: pending.codeVerifier)),
            ("code_challenge_method", PKCE.method),
        ]
        let existing = components.percentEncodedQuery.map { $0.isEmpty ? [] : [$0] } ?? []
        components.percentEncodedQuery = (existing + [FormEncoding.encode(parameters)]).joined(separator: "&")
        return components.url
    }
}

import Base64URLCoding
import Foundation

/// A sign-in started and not yet finished: the secrets the browser's return is checked against.
///
/// The server keeps it on its side, with the browser's session (found by the session cookie),
/// and never sends it to the browser: the code verifier and the nonce must stay secret until
/// the provider is asked for the tokens. It is `Codable` so that the server can store it. Use it
/// once: ``OpenIDRelyingParty/finishSignIn(_:callbackQuery:now:)`` succeeds at most once for a
/// code, and the server forgets the pending sign-in when it is called.
public struct PendingSignIn: Sendable, Equatable, Codable {
    /// Sent to the provider and returned with the browser: ties the return to this sign-in.
    public var state: String
    /// Sent to the provider and returned inside the ID token: ties the token to this sign-in.
    public var nonce: String
    /// The PKCE code verifier, sent only in the token request.
    public var codeVerifier: String
    /// The redirect URI this sign-in asked the provider to return to.
    public var redirectURI: String
    public var startedAt: Date

    public init(state: String, nonce: String, codeVerifier: String, redirectURI: String, startedAt: Date) {
        self.state = state
        self.nonce = nonce
        self.codeVerifier = codeVerifier
        self.redirectURI = redirectURI
        self.startedAt = startedAt
    }

    /// A new sign-in with a random state, nonce and code verifier of 256 bits each.
    public init(redirectURI: String, startedAt: Date, using generator: inout some RandomNumberGenerator) {
        self.init(
            state: Self.randomText(using: &generator), nonce: Self.randomText(using: &generator),
            codeVerifier: Self.randomText(using: &generator), redirectURI: redirectURI, startedAt: startedAt)
    }

    /// 32 random bytes as 43 characters of base64url: a code verifier's alphabet and length
    /// (RFC 7636 §4.1), and safe in a URL as a state or a nonce.
    static func randomText(using generator: inout some RandomNumberGenerator) -> String {
        var bytes: [UInt8] = []
        for _ in 0..<4 {
            let word = generator.next()
            bytes += (0..<8).map { UInt8(truncatingIfNeeded: word >> ($0 * 8)) }
        }
        return Base64URL.encode(bytes)
    }
}

/// Where to send the browser, and what to keep until it comes back.
public struct SignInStart: Sendable, Equatable {
    /// The provider's authorization endpoint with this sign-in's parameters.
    public var authorizationURL: URL
    public var pending: PendingSignIn
}

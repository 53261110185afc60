import Foundation

/// The part of the provider's discovery document (`/.well-known/openid-configuration`, OpenID
/// Connect Discovery §3) that sign-in uses.
public struct ProviderMetadata: Sendable, Equatable, Codable {
    public var issuer: String
    public var authorizationEndpoint: URL
    public var tokenEndpoint: URL
    public var jwksURI: URL
    /// Absent means `client_secret_basic` only (Discovery §3).
    public var tokenEndpointAuthMethodsSupported: [String]?
    public var codeChallengeMethodsSupported: [String]?

    enum CodingKeys: String, CodingKey {
        case issuer
        case authorizationEndpoint = "authorization_endpoint"
        case tokenEndpoint = "token_endpoint"
        case jwksURI = "jwks_uri"
        case tokenEndpointAuthMethodsSupported = "token_endpoint_auth_methods_supported"
        case codeChallengeMethodsSupported = "code_challenge_methods_supported"
    }

    /// How the client secret goes to the token endpoint.
    enum ClientAuthentication: Equatable {
        /// HTTP Basic authentication (RFC 6749 §2.3.1), the default.
        case basic
        /// In the form body.
        case post
    }

    /// `client_secret_basic` when the provider accepts it (or lists nothing), else
    /// `client_secret_post`.
    func clientAuthentication() throws(OpenIDSignInError) -> ClientAuthentication {
        guard let methods = tokenEndpointAuthMethodsSupported else { return .basic }
        if methods.contains("client_secret_basic") { return .basic }
        if methods.contains("client_secret_post") { return .post }
        throw .unsupportedClientAuthentication(advertised: methods)
    }

    /// Checks what OpenID Connect Discovery §4.3 requires of the document fetched for
    /// `configuredIssuer` (the same issuer, exactly), that every address is https (or loopback),
    /// and that S256 is offered when PKCE methods are listed.
    func checked(forConfiguredIssuer configuredIssuer: String) throws(OpenIDSignInError) -> ProviderMetadata {
        guard issuer == configuredIssuer else {
            throw .issuerMismatch(configured: configuredIssuer, discovered: issuer)
        }
        for address in [authorizationEndpoint, tokenEndpoint, jwksURI] where !SecureAddress.isAcceptable(address) {
            throw .insecureAddress(address.absoluteString)
        }
        if let methods = codeChallengeMethodsSupported, !methods.contains(PKCE.method) {
            throw .pkceNotSupported(advertised: methods)
        }
        _ = try clientAuthentication()
        return self
    }
}

/// https everywhere, but for plain http on this machine's loopback address (a provider run
/// locally for testing).
enum SecureAddress {
    static func isAcceptable(_ url: URL) -> Bool {
        guard let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased(), !host.isEmpty else {
            return false
        }
        if scheme == "https" { return true }
        return scheme == "http" && (host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127."))
    }
}

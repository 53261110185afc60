import Foundation

/// How this server is registered at the district's OpenID provider (Google Workspace, Microsoft
/// Entra): the provider's issuer, the client ID and secret it issued, and where it sends the
/// browser back.
public struct OpenIDSignInSettings: Sendable, Equatable {
    /// The path of the redirect URI under the server's public address.
    public static let callbackPath = "/sign-in/oidc/callback"

    /// The provider's issuer identifier, exactly as its discovery document states it
    /// (`https://accounts.google.com`; `https://login.microsoftonline.com/TENANT-ID/v2.0`).
    public var issuer: String
    public var clientID: String
    public var clientSecret: String
    /// Where the provider sends the browser back, as registered there.
    public var redirectURI: String
    /// The scopes asked for; `openid` is always among them.
    public var scopes: [String]
    /// How far the provider's clock may be from this server's, in seconds, when the ID token's
    /// times are checked.
    public var clockLeeway: TimeInterval
    /// How long a sign-in may take, from its start to the browser's return, in seconds.
    public var maximumSignInDuration: TimeInterval

    public init(
        issuer: String, clientID: String, clientSecret: String, redirectURI: String,
        scopes: [String] = ["openid", "email", "profile"], clockLeeway: TimeInterval = 60,
        maximumSignInDuration: TimeInterval = 600
    ) {
        self.issuer = issuer
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.redirectURI = redirectURI
        self.scopes = scopes.contains("openid") ? scopes : ["openid"] + scopes
        self.clockLeeway = clockLeeway
        self.maximumSignInDuration = maximumSignInDuration
    }

    /// The redirect URI for a server reached at `publicURL` (`https://training.district.org`):
    /// the public address followed by ``callbackPath``.
    public static func redirectURI(forPublicURL publicURL: String) -> String {
        var base = publicURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + callbackPath
    }
}

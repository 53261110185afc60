import Foundation

/// Why a sign-in with the district's OpenID provider failed, in words the district's IT person
/// understands: what failed and what to check in the provider's set-up. The messages never name
/// a command-line flag.
public enum OpenIDSignInError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The issuer or an endpoint the provider names is not an https address (plain http is
    /// accepted on this machine's loopback address only).
    case insecureAddress(String)
    /// The provider could not be reached (network, DNS, firewall, time-out).
    case providerUnreachable(url: String, reason: String)
    /// The provider answered a request for its configuration or keys with an HTTP error.
    case providerStatus(url: String, status: Int)
    /// A document from the provider is not what OpenID Connect says it should be.
    case unreadableDocument(url: String, reason: String)
    /// The provider's discovery document names another issuer than the one configured.
    case issuerMismatch(configured: String, discovered: String)
    /// The provider accepts neither `client_secret_basic` nor `client_secret_post`.
    case unsupportedClientAuthentication(advertised: [String])
    /// The provider lists its PKCE methods and S256 is not among them.
    case pkceNotSupported(advertised: [String])
    /// The browser came back later than the sign-in's time allows.
    case signInExpired
    /// The reply's `state` is not the one this browser's sign-in started with.
    case stateMismatch
    /// The provider sent the browser back with an error instead of a code.
    case providerRefused(error: String, description: String?)
    /// The reply has neither a code nor an error.
    case missingAuthorizationCode
    /// The provider's token endpoint refused to exchange the code.
    case tokenRequestRefused(status: Int, error: String?, description: String?)
    /// The ID token is not a well-formed signed token, or lacks a claim OpenID Connect requires.
    case malformedIDToken(reason: String)
    /// The ID token is signed with an algorithm this server does not accept.
    case disallowedAlgorithm(String)
    /// The ID token names a key the provider does not publish, even after its keys were fetched
    /// again.
    case unknownSigningKey(keyID: String?)
    /// The ID token's signature does not verify against the provider's key.
    case badSignature
    /// The ID token's `iss` is not the configured issuer.
    case wrongIssuer(expected: String, found: String)
    /// The ID token's `aud` does not include this server's client ID.
    case wrongAudience(clientID: String, found: [String])
    /// The ID token has several audiences and its `azp` is missing or not this server's client ID.
    case wrongAuthorizedParty(clientID: String, found: String?)
    case expired(at: Date)
    case notYetValid(until: Date)
    case issuedInFuture(at: Date)
    /// The ID token's `nonce` is not the one this sign-in started with.
    case nonceMismatch
    /// The provider sent no e-mail address, so the person cannot be matched to the roster.
    case emailMissing
    /// The provider says the person's e-mail address is not verified.
    case emailNotVerified(email: String)

    public var description: String {
        switch self {
        case .insecureAddress(let url):
            "\(url) is not an https address. Sign-in with an OpenID provider needs https for the provider and every "
                + "address it names (plain http is accepted only on this machine's own loopback address, for testing)."
        case .providerUnreachable(let url, let reason):
            "The sign-in provider could not be reached at \(url): \(reason). Check that this server can reach it "
                + "(firewall, proxy, DNS) and that the issuer address is right."
        case .providerStatus(let url, let status):
            "The sign-in provider answered \(url) with HTTP status \(status). Check the issuer address: for Google "
                + "Workspace it is https://accounts.google.com, for Microsoft Entra "
                + "https://login.microsoftonline.com/YOUR-TENANT-ID/v2.0."
        case .unreadableDocument(let url, let reason):
            "The sign-in provider's reply from \(url) could not be read (\(reason)). Check that the issuer address is "
                + "the provider's OpenID Connect issuer."
        case .issuerMismatch(let configured, let discovered):
            "The provider at \(configured) says its issuer is \(discovered); the two must be exactly the same. Set "
                + "the issuer address to the provider's own value (for Microsoft Entra, the tenant's address "
                + "https://login.microsoftonline.com/YOUR-TENANT-ID/v2.0, not …/common or …/organizations)."
        case .unsupportedClientAuthentication(let advertised):
            "The provider accepts the client secret in none of the ways this server sends it (client_secret_basic, "
                + "client_secret_post); it offers \(Self.list(advertised)). Register this server at the provider as "
                + "a web application with a client secret."
        case .pkceNotSupported(let advertised):
            "The provider does not offer PKCE with S256 (it offers \(Self.list(advertised))), which this server "
                + "requires for every sign-in."
        case .signInExpired:
            "This sign-in took too long and has expired. Start signing in again."
        case .stateMismatch:
            "The reply from the sign-in provider does not belong to the sign-in this browser started (its state "
                + "does not match), so it was refused. Start signing in again from this server's page; if it keeps "
                + "happening, check that the redirect URI registered at the provider points to this server."
        case .providerRefused(let error, let description):
            "The sign-in provider refused the sign-in (\(error)\(description.map { ": \($0)" } ?? "")). When it "
                + "says access_denied, the person declined or is not allowed to use this application: check that "
                + "the application is available to staff in the provider's admin console."
        case .missingAuthorizationCode:
            "The sign-in provider sent the browser back without a sign-in code. Check that the application is "
                + "registered at the provider as a web application (authorization-code flow)."
        case .tokenRequestRefused(let status, let error, let description):
            "The sign-in provider refused to complete the sign-in (HTTP \(status)"
                + "\(error.map { ", \($0)" } ?? "")\(description.map { ": \($0)" } ?? "")). For invalid_client, "
                + "check the client ID and the client secret (the provider may have replaced or retired it); for "
                + "invalid_grant, check that the redirect URI registered at the provider is exactly this server's."
        case .malformedIDToken(let reason):
            "The provider's ID token could not be read: \(reason). The sign-in was refused."
        case .disallowedAlgorithm(let algorithm):
            "The provider's ID token is signed with \(algorithm.isEmpty ? "no algorithm" : algorithm), which this "
                + "server does not accept (it accepts RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384 and "
                + "ES512). Check the application's token signing settings at the provider."
        case .unknownSigningKey(let keyID):
            "The ID token is signed with a key (\(keyID ?? "not named")) that the provider does not publish, even "
                + "after its keys were fetched again. The token may be forged; the sign-in was refused."
        case .badSignature:
            "The ID token's signature does not verify against the provider's published key: it was altered or not "
                + "issued by the provider. The sign-in was refused."
        case .wrongIssuer(let expected, let found):
            "The ID token was issued by \(found), not by the configured provider \(expected). The sign-in was refused."
        case .wrongAudience(let clientID, let found):
            "The ID token was issued to another application (\(Self.list(found))), not to this server's client ID "
                + "\(clientID). Check that the client ID configured for this server is the one the provider shows "
                + "for this application."
        case .wrongAuthorizedParty(let clientID, let found):
            "The ID token was issued for several applications and names \(found ?? "none of them") as the one it "
                + "was issued to, not this server's client ID \(clientID). The sign-in was refused."
        case .expired(let date):
            "The ID token expired at \(Self.time(date)). Check that this server's clock is right (NTP), then sign in "
                + "again."
        case .notYetValid(let date):
            "The ID token is not valid before \(Self.time(date)). Check that this server's clock is right (NTP)."
        case .issuedInFuture(let date):
            "The ID token says it was issued at \(Self.time(date)), later than this server's time. Check that this "
                + "server's clock is right (NTP)."
        case .nonceMismatch:
            "The ID token does not carry the nonce this sign-in started with: it may be replayed from another "
                + "sign-in. The sign-in was refused; start again."
        case .emailMissing:
            "The sign-in provider sent no e-mail address for this person, so they cannot be matched to the staff "
                + "roster. Check that the application may use the email scope and that the person has an e-mail "
                + "address in the provider's directory."
        case .emailNotVerified(let email):
            "The sign-in provider says the e-mail address \(email) is not verified, so it is not matched to the "
                + "staff roster. Verify the address in the provider's directory, or sign in with an invitation link."
        }
    }

    private static func list(_ values: [String]) -> String {
        values.isEmpty ? "nothing" : values.joined(separator: ", ")
    }

    private static func time(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}

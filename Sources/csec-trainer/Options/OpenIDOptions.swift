import ArgumentParser
import DistrictServer
import Foundation
import OpenIDSignIn

/// The district's OpenID provider for `serve` (docs/openid-sign-in.md): staff then sign in with
/// their district account, matched to the roster by e-mail.
struct OpenIDOptions: ParsableArguments {
    @Option(
        name: .customLong("oidc-issuer"),
        help: ArgumentHelp(
            "The district's OpenID provider (https://accounts.google.com, or https://login.microsoftonline.com/TENANT/v2.0).",
            valueName: "url"))
    var issuer: String?
    @Option(name: .customLong("oidc-client-id"), help: ArgumentHelp("This server's client id there.", valueName: "id"))
    var clientID: String?
    @Option(
        name: .customLong("oidc-client-secret"),
        help: ArgumentHelp(
            "Its client secret (better: set CSEC_TRAINER_OIDC_CLIENT_SECRET, which no other user can see in the process list).",
            valueName: "secret"))
    var clientSecret: String?
    @Option(
        name: .customLong("oidc-name"),
        help: ArgumentHelp("The provider's name on the sign-in page (default: your district account).", valueName: "name"))
    var providerName = "your district account"

    static let secretVariable = "CSEC_TRAINER_OIDC_CLIENT_SECRET"

    private var secret: String? { clientSecret ?? ProcessInfo.processInfo.environment[Self.secretVariable] }

    func validate(publicURL: String?) throws {
        guard issuer != nil || clientID != nil || clientSecret != nil else { return }
        guard issuer != nil, clientID != nil, secret != nil else {
            throw ValidationError(
                "--oidc-issuer, --oidc-client-id and the client secret (--oidc-client-secret or \(Self.secretVariable)) go together."
            )
        }
        guard publicURL != nil else {
            throw ValidationError(
                "--oidc-issuer needs --public-url: the provider sends staff back to PUBLIC-URL\(OpenIDSignInSettings.callbackPath), "
                    + "the redirect URI registered there.")
        }
    }

    /// The OpenID sign-in's routes, when a provider is given.
    func routes(publicURL: String?) -> OpenIDSignInRoutes? {
        guard let issuer, let clientID, let secret, let publicURL else { return nil }
        let settings = OpenIDSignInSettings(
            issuer: issuer, clientID: clientID, clientSecret: secret,
            redirectURI: OpenIDSignInSettings.redirectURI(forPublicURL: publicURL))
        return OpenIDSignInRoutes(relyingParty: OpenIDRelyingParty(settings: settings), providerName: providerName)
    }
}

import Foundation
import Testing

@testable import OpenIDSignIn

struct AuthorizationRequestTests {
    static let settings = OpenIDSignInSettings(
        issuer: "https://accounts.example", clientID: "district client+1", clientSecret: "secret",
        redirectURI: OpenIDSignInSettings.redirectURI(forPublicURL: "https://training.district.example/"))
    static let pending = PendingSignIn(
        state: "the-state", nonce: "the-nonce", codeVerifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
        redirectURI: settings.redirectURI, startedAt: Date(timeIntervalSince1970: 0))

    @Test func redirectURIIsThePublicAddressAndTheCallbackPath() {
        #expect(Self.settings.redirectURI == "https://training.district.example/sign-in/oidc/callback")
        #expect(
            OpenIDSignInSettings.redirectURI(forPublicURL: "http://127.0.0.1:8080")
                == "http://127.0.0.1:8080/sign-in/oidc/callback")
    }

    @Test func openidIsAlwaysAScope() {
        let settings = OpenIDSignInSettings(
            issuer: "https://a.example", clientID: "c", clientSecret: "s", redirectURI: "https://b.example/cb",
            scopes: ["email"])
        #expect(settings.scopes == ["openid", "email"])
    }

    /// Every parameter of the code flow with PKCE, each once, form-encoded (a space as %20, a
    /// plus sign escaped), after a query the endpoint already had.
    @Test func urlCarriesTheFlowsParameters() throws {
        let endpoint = try #require(URL(string: "https://accounts.example/authorize?tenant=district"))
        let url = try #require(AuthorizationRequest.url(endpoint: endpoint, settings: Self.settings, pending: Self.pending))
        let components = try #require(URLComponents(url: url, resolvingAgainstBaseURL: false))
        #expect(components.host == "accounts.example")
        #expect(components.path == "/authorize")
        let query = try #require(components.percentEncodedQuery)
        #expect(!query.contains("+"))
        #expect(query.contains("scope=openid%20email%20profile"))
        #expect(query.contains("client_id=district%20client%2B1"))
        let items = try #require(components.queryItems)
        let values = Dictionary(grouping: items, by: \.name).mapValues { $0.compactMap(\.value) }
        #expect(values["tenant"] == ["district"])
        #expect(values["response_type"] == ["code"])
        #expect(values["client_id"] == ["district client+1"])
        #expect(values["redirect_uri"] == ["https://training.district.example/sign-in/oidc/callback"])
        #expect(values["scope"] == ["openid email profile"])
        #expect(values["state"] == ["the-state"])
        #expect(values["nonce"] == ["the-nonce"])
        #expect(values["code_challenge"] == ["E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"])
        #expect(values["code_challenge_method"] == ["S256"])
        #expect(items.count == 9)
    }
}

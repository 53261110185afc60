import Foundation
import Testing

@testable import OpenIDSignIn

/// The discovery document's checks (OpenID Connect Discovery §4.3) and the client
/// authentication chosen from it.
struct ProviderMetadataTests {
    static let issuer = "https://login.example/tenant/v2.0"

    static func document(
        issuer: String = issuer, token: String = "https://login.example/token", auth: [String]? = nil,
        pkce: [String]? = nil
    ) -> ProviderMetadata {
        ProviderMetadata(
            issuer: issuer, authorizationEndpoint: URL(string: "https://login.example/authorize")!,
            tokenEndpoint: URL(string: token)!, jwksURI: URL(string: "https://login.example/keys")!,
            tokenEndpointAuthMethodsSupported: auth, codeChallengeMethodsSupported: pkce)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let label: String
        let metadata: ProviderMetadata
        let expected: OpenIDSignInError?
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        .init(label: "the same issuer", metadata: document(), expected: nil),
        .init(
            label: "a trailing slash more", metadata: document(issuer: issuer + "/"),
            expected: .issuerMismatch(configured: issuer, discovered: issuer + "/")),
        .init(
            label: "Entra's multi-tenant template",
            metadata: document(issuer: "https://login.example/{tenantid}/v2.0"),
            expected: .issuerMismatch(configured: issuer, discovered: "https://login.example/{tenantid}/v2.0")),
        .init(
            label: "plain http token endpoint", metadata: document(token: "http://login.example/token"),
            expected: .insecureAddress("http://login.example/token")),
        .init(label: "http on loopback", metadata: document(token: "http://127.0.0.1:9400/token"), expected: nil),
        .init(label: "S256 offered", metadata: document(pkce: ["plain", "S256"]), expected: nil),
        .init(
            label: "only plain PKCE", metadata: document(pkce: ["plain"]),
            expected: .pkceNotSupported(advertised: ["plain"])),
        .init(
            label: "only private_key_jwt", metadata: document(auth: ["private_key_jwt"]),
            expected: .unsupportedClientAuthentication(advertised: ["private_key_jwt"])),
    ]

    @Test(arguments: cases)
    func documentIsChecked(_ test: Case) {
        let result = Result { () throws(OpenIDSignInError) in
            try test.metadata.checked(forConfiguredIssuer: Self.issuer)
        }
        switch (result, test.expected) {
        case (.success(let checked), nil): #expect(checked == test.metadata)
        case (.failure(let error), let expected?): #expect(error == expected)
        default: Issue.record("\(result), expected \(String(describing: test.expected))")
        }
    }

    @Test(arguments: [
        ([String]?.none, ProviderMetadata.ClientAuthentication.basic),
        (["client_secret_post", "client_secret_basic"], .basic),
        (["private_key_jwt", "client_secret_post"], .post),
    ])
    func clientAuthenticationFollowsTheDocument(methods: [String]?, expected: ProviderMetadata.ClientAuthentication) throws {
        #expect(try Self.document(auth: methods).clientAuthentication() == expected)
    }

    @Test func readsADiscoveryDocument() throws {
        let json = """
            {"issuer": "https://accounts.example", "authorization_endpoint": "https://accounts.example/o/oauth2/v2/auth",
             "token_endpoint": "https://oauth2.example/token", "jwks_uri": "https://keys.example/oauth2/v3/certs",
             "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"],
             "code_challenge_methods_supported": ["plain", "S256"], "response_types_supported": ["code"]}
            """
        let metadata = try JSONDecoder().decode(ProviderMetadata.self, from: Data(json.utf8))
        #expect(metadata.tokenEndpoint.absoluteString == "https://oauth2.example/token")
        #expect(try metadata.checked(forConfiguredIssuer: "https://accounts.example") == metadata)
    }
}

import Foundation
import OpenIDSignIn
import ScenarioEngine
import TestSupport
import Testing

/// Whole sign-ins against a real OpenID provider run locally (PyPI's oidc-provider-mock): the
/// authorization step driven over HTTP for a real code, the code exchanged at its token
/// endpoint, its ID token checked against its published keys.
@Suite(.serialized, .enabled(if: OpenIDProviderMock.runsCases, Comment(rawValue: OpenIDProviderMock.skipMessage)))
struct MockProviderSignInTests {
    static let subject = "ana.ruiz@district.example"
    /// The provider's ID tokens live this long (seconds).
    static let tokenLifetime = 30

    static func settings(_ issuer: String, clientID: String = "district") -> OpenIDSignInSettings {
        OpenIDSignInSettings(
            issuer: issuer, clientID: clientID, clientSecret: "district-secret",
            redirectURI: OpenIDSignInSettings.redirectURI(forPublicURL: "http://127.0.0.1:9"))
    }

    static func party(
        _ issuer: String, clientID: String = "district", seed: UInt64 = 1,
        transport: TamperingTransport = TamperingTransport()
    ) -> OpenIDRelyingParty {
        OpenIDRelyingParty(
            settings: settings(issuer, clientID: clientID), transport: transport, generator: SplitMix64(seed: seed))
    }

    /// A sign-in of `subject` from start to finish at `now` (the time of the finish).
    static func signIn(
        with party: OpenIDRelyingParty, changingURL: (URL) -> URL = { $0 },
        changingReturn: (String) -> String = { $0 }, deny: Bool = false, now: Date = Date()
    ) async throws -> Result<VerifiedIdentity, OpenIDSignInError> {
        let start = try await party.startSignIn(now: Date())
        let url = changingURL(start.authorizationURL)
        let query: String
        if deny {
            query = try await ProviderBrowser.deny(url)
        } else {
            query = try await ProviderBrowser.approve(url, as: subject)
        }
        return await outcome { () async throws(OpenIDSignInError) in
            try await party.finishSignIn(start.pending, callbackQuery: changingReturn(query), now: now)
        }
    }

    static func claims(verified: Bool) -> [String: any Sendable] {
        ["email": subject, "email_verified": verified, "name": "Ana Ruiz"]
    }

    @Test func signsInWithARealCode() async throws {
        try await OpenIDProviderMock.run(tokenLifetime: Self.tokenLifetime) { provider in
            try await ProviderBrowser.setClaims(Self.claims(verified: true), of: Self.subject, at: provider)
            let identity = try await Self.signIn(with: Self.party(provider.issuer)).get()
            #expect(
                identity
                    == VerifiedIdentity(
                        issuer: provider.issuer, subject: Self.subject, email: Self.subject, emailVerified: true,
                        name: "Ana Ruiz"))
        }
    }

    /// The client secret in the form body, when discovery offers only that.
    @Test func signsInWithTheSecretInTheBody() async throws {
        try await OpenIDProviderMock.run(tokenLifetime: Self.tokenLifetime) { provider in
            let transport = TamperingTransport(discovery: {
                $0.merging(["token_endpoint_auth_methods_supported": ["client_secret_post"]]) { $1 }
            })
            let identity = try await Self.signIn(with: Self.party(provider.issuer, transport: transport)).get()
            #expect(identity.email == Self.subject)
        }
    }

    @Test func issuerIsCheckedAtDiscovery() async throws {
        try await OpenIDProviderMock.run(tokenLifetime: Self.tokenLifetime) { provider in
            let configured = provider.issuer + "/"
            let result = await outcome { () async throws(OpenIDSignInError) in
                try await Self.party(configured).startSignIn(now: Date())
            }
            #expect(result.map(\.pending) == .failure(.issuerMismatch(configured: configured, discovered: provider.issuer)))
        }
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        let label: String
        let run: @Sendable (OpenIDProviderMock) async throws -> Result<VerifiedIdentity, OpenIDSignInError>
        let expected: @Sendable (OpenIDProviderMock, OpenIDSignInError) -> Bool
        var testDescription: String { label }
    }

    /// An ID token really issued by this provider for the same sign-in secrets (the same seed)
    /// but to another client ID, or under another issuer name of the same provider.
    static func tokenIssued(to clientID: String, issuer: String) async throws -> String {
        let kept = KeptTokens()
        let transport = TamperingTransport(idToken: { await kept.keep($0) })
        _ = try await signIn(with: party(issuer, clientID: clientID, transport: transport)).get()
        return try #require(await kept.tokens.first)
    }

    static let refusals: [Refusal] = [
        .init(
            label: "wrong audience: a token issued to another client ID",
            run: { provider in
                let other = try await tokenIssued(to: "another-district", issuer: provider.issuer)
                return try await signIn(with: party(provider.issuer, transport: TamperingTransport(idToken: { _ in other })))
            },
            expected: { _, error in error == .wrongAudience(clientID: "district", found: ["another-district"]) }),
        .init(
            label: "wrong issuer: a token of the same provider under another name",
            run: { provider in
                let otherName = "http://localhost:\(provider.port)"
                let other = try await tokenIssued(to: "district", issuer: otherName)
                return try await signIn(with: party(provider.issuer, transport: TamperingTransport(idToken: { _ in other })))
            },
            expected: { provider, error in
                error == .wrongIssuer(expected: provider.issuer, found: "http://localhost:\(provider.port)")
            }),
        .init(
            label: "wrong nonce: the authorization asked with another nonce",
            run: { provider in
                try await signIn(with: party(provider.issuer), changingURL: { replacing("nonce", with: "replayed", in: $0) })
            },
            expected: { _, error in error == .nonceMismatch }),
        .init(
            label: "bad signature: the token's payload altered",
            run: { provider in
                let transport = TamperingTransport(idToken: { token in
                    try TokenSurgery.replacingPayload(of: token) { $0.merging(["email": "principal@district.example"]) { $1 } }
                })
                return try await signIn(with: party(provider.issuer, transport: transport))
            },
            expected: { _, error in error == .badSignature }),
        .init(
            label: "bad signature: signed by a key not in the provider's key set",
            run: { provider in
                let transport = TamperingTransport(idToken: { token in
                    guard let claims = TokenSurgery.decode(String(token.split(separator: ".")[1])) else { return token }
                    return try await TestSigningKey(keyID: "not-published").sign(
                        TestClaims(
                            iss: provider.issuer, aud: ["district"], exp: (claims["exp"] as? NSNumber)?.doubleValue ?? 0,
                            iat: (claims["iat"] as? NSNumber)?.doubleValue ?? 0, nonce: claims["nonce"] as? String ?? ""))
                })
                return try await signIn(with: party(provider.issuer, transport: transport))
            },
            expected: { _, error in error == .unknownSigningKey(keyID: "not-published") }),
        .init(
            label: "expired: the clock past expiry and leeway",
            run: { provider in
                try await signIn(with: party(provider.issuer), now: Date().addingTimeInterval(Double(tokenLifetime) + 61))
            },
            expected: { _, error in if case .expired = error { true } else { false } }),
        .init(
            label: "state mismatch: the return of another sign-in",
            run: { provider in
                try await signIn(with: party(provider.issuer), changingReturn: { replacingState(in: $0) })
            },
            expected: { _, error in error == .stateMismatch }),
        .init(
            label: "provider's error: the person declined",
            run: { provider in try await signIn(with: party(provider.issuer), deny: true) },
            expected: { _, error in if case .providerRefused(error: "access_denied", _) = error { true } else { false } }),
        .init(
            label: "e-mail the provider says is not verified",
            run: { provider in
                try await ProviderBrowser.setClaims(claims(verified: false), of: subject, at: provider)
                return try await signIn(with: party(provider.issuer))
            },
            expected: { _, error in error == .emailNotVerified(email: subject) }),
    ]

    @Test(arguments: refusals)
    func signInIsRefused(_ refusal: Refusal) async throws {
        try await OpenIDProviderMock.run(tokenLifetime: Self.tokenLifetime) { provider in
            let result = try await refusal.run(provider)
            switch result {
            case .success(let identity): Issue.record("signed in as \(identity)")
            case .failure(let error): #expect(refusal.expected(provider, error), "\(error)")
            }
        }
    }

    static func replacing(_ name: String, with value: String, in url: URL) -> URL {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url }
        let items = components.queryItems ?? []
        components.queryItems = items.map { $0.name == name ? URLQueryItem(name: name, value: value) : $0 }
        return components.url ?? url
    }

    static func replacingState(in query: String) -> String {
        query.split(separator: "&").map { $0.hasPrefix("state=") ? "state=another-sign-in" : String($0) }
            .joined(separator: "&")
    }
}

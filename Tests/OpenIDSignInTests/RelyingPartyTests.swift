import Foundation
import JWTKit
import OpenIDSignIn
import ScenarioEngine
import Testing

/// The relying party against a provider in memory: the token request, ES256 signatures, the
/// provider's keys fetched again for an unknown key, and forged tokens.
struct RelyingPartyTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let settings = OpenIDSignInSettings(
        issuer: FakeProvider.issuer, clientID: "district", clientSecret: "s3cret:+/",
        redirectURI: "https://training.example/sign-in/oidc/callback")

    static func claims(_ pending: PendingSignIn, at now: Date = now) -> TestClaims {
        TestClaims(
            iss: FakeProvider.issuer, aud: ["district"], exp: now.timeIntervalSince1970 + 300,
            iat: now.timeIntervalSince1970, nonce: pending.nonce)
    }

    /// A whole sign-in at `now`, the provider answering with the token `token` makes for it.
    static func signIn(
        _ party: OpenIDRelyingParty, at provider: FakeProvider, now: Date = now,
        token: (PendingSignIn) async throws -> String
    ) async throws -> Result<VerifiedIdentity, OpenIDSignInError> {
        let start = try await party.startSignIn(now: now)
        let idToken = try await token(start.pending)
        await provider.issue(idToken)
        return await outcome { () async throws(OpenIDSignInError) in
            try await party.finishSignIn(start.pending, callbackQuery: "code=c0de&state=\(start.pending.state)", now: now)
        }
    }

    @Test func es256TokenSignsInWithBasicAuthentication() async throws {
        let key = TestSigningKey(keyID: "k1")
        let provider = FakeProvider(keySet: try TestSigningKey.keySet([key.jwk]))
        let party = OpenIDRelyingParty(settings: Self.settings, transport: provider, generator: SplitMix64(seed: 1))
        let result = try await Self.signIn(party, at: provider) { try await key.sign(Self.claims($0)) }
        #expect(
            try result.get()
                == VerifiedIdentity(
                    issuer: FakeProvider.issuer, subject: "248289761001", email: "ana.ruiz@district.example",
                    emailVerified: true, name: "Ana Ruiz"))

        let tokenRequest = try #require(await provider.requests.first { $0.method == .post })
        // RFC 6749 §2.3.1: "district" and "s3cret:+/" form-encoded, then joined and base64-encoded.
        #expect(tokenRequest.headers["Authorization"] == "Basic " + Data("district:s3cret%3A%2B%2F".utf8).base64EncodedString())
        let body = String(decoding: tokenRequest.body, as: UTF8.self)
        #expect(body.hasPrefix("grant_type=authorization_code&code=c0de&redirect_uri=https%3A%2F%2Ftraining.example"))
        #expect(body.contains("&code_verifier="))
        #expect(!body.contains("client_secret"))
    }

    @Test func clientSecretGoesInTheBodyWhenOnlyThatIsOffered() async throws {
        let key = TestSigningKey(keyID: "k1")
        let provider = FakeProvider(keySet: try TestSigningKey.keySet([key.jwk]), authMethods: ["client_secret_post"])
        let party = OpenIDRelyingParty(settings: Self.settings, transport: provider, generator: SplitMix64(seed: 2))
        var verifier = ""
        _ = try await Self.signIn(party, at: provider) { pending in
            verifier = pending.codeVerifier
            return try await key.sign(Self.claims(pending))
        }.get()
        let tokenRequest = try #require(await provider.requests.first { $0.method == .post })
        #expect(tokenRequest.headers["Authorization"] == nil)
        let body = String(decoding: tokenRequest.body, as: UTF8.self)
        #expect(body.hasSuffix("&code_verifier=\(verifier)&client_id=district&client_secret=s3cret%3A%2B%2F"))
    }

    /// A key the provider starts to use after the keys were fetched is found by fetching them
    /// once more.
    @Test func rotatedKeyIsFetched() async throws {
        let old = TestSigningKey(keyID: "k1")
        let new = TestSigningKey(keyID: "k2")
        let provider = FakeProvider(keySet: try TestSigningKey.keySet([old.jwk]))
        let party = OpenIDRelyingParty(settings: Self.settings, transport: provider, generator: SplitMix64(seed: 3))
        _ = try await Self.signIn(party, at: provider) { try await old.sign(Self.claims($0)) }.get()
        await provider.publish(try TestSigningKey.keySet([old.jwk, new.jwk]))
        let later = Self.now.addingTimeInterval(120)
        _ = try await Self.signIn(party, at: provider, now: later) { try await new.sign(Self.claims($0, at: later)) }.get()
        #expect(await provider.keySetFetches == 2)
    }

    /// A key the provider never published: one more fetch, then refused; within a minute of
    /// that fetch, refused without another.
    @Test func unpublishedKeyIsRefusedAfterOneMoreFetch() async throws {
        let published = TestSigningKey(keyID: "k1")
        let unpublished = TestSigningKey(keyID: "k9")
        let provider = FakeProvider(keySet: try TestSigningKey.keySet([published.jwk]))
        let party = OpenIDRelyingParty(settings: Self.settings, transport: provider, generator: SplitMix64(seed: 4))
        _ = try await Self.signIn(party, at: provider) { try await published.sign(Self.claims($0)) }.get()
        for (offset, fetches) in [(120.0, 2), (150.0, 2), (200.0, 3)] {
            let later = Self.now.addingTimeInterval(offset)
            let result = try await Self.signIn(party, at: provider, now: later) {
                try await unpublished.sign(Self.claims($0, at: later))
            }
            #expect(result == .failure(.unknownSigningKey(keyID: "k9")))
            #expect(await provider.keySetFetches == fetches, "at +\(offset) s")
        }
    }

    struct Forgery: Sendable, CustomTestStringConvertible {
        let label: String
        let forge: @Sendable (_ genuine: String, _ claims: TestClaims) async throws -> String
        let expected: OpenIDSignInError
        var testDescription: String { label }
    }

    static let published = TestSigningKey(keyID: "k1")

    static let forgeries: [Forgery] = [
        .init(
            label: "payload altered",
            forge: { token, _ in
                try TokenSurgery.replacingPayload(of: token) { $0.merging(["email": "principal@district.example"]) { $1 } }
            }, expected: .badSignature),
        .init(
            label: "signed by another key under the published key's ID",
            forge: { _, claims in try await TestSigningKey(keyID: "k1").sign(claims) }, expected: .badSignature),
        .init(
            label: "signed by a key not in the key set",
            forge: { _, claims in try await TestSigningKey(keyID: "k7").sign(claims) },
            expected: .unknownSigningKey(keyID: "k7")),
        .init(
            label: "algorithm none",
            forge: { token, _ in try TokenSurgery.replacingHeader(of: token, with: ["alg": "none", "kid": "k1"]) },
            expected: .disallowedAlgorithm("none")),
        .init(
            label: "HMAC with a guessable key",
            forge: { token, _ in try TokenSurgery.replacingHeader(of: token, with: ["alg": "HS256", "kid": "k1"]) },
            expected: .disallowedAlgorithm("HS256")),
        .init(
            label: "another algorithm than the key's",
            forge: { token, _ in try TokenSurgery.replacingHeader(of: token, with: ["alg": "RS256", "kid": "k1"]) },
            expected: .malformedIDToken(reason: "its header names RS256, but the provider's key is for ES256")),
        .init(
            label: "not a signed token",
            forge: { token, _ in String(token.split(separator: ".")[0]) },
            expected: .malformedIDToken(
                reason: "it is not a signed token in compact form (three parts separated by dots)")),
    ]

    @Test(arguments: forgeries)
    func forgedTokenIsRefused(_ forgery: Forgery) async throws {
        let provider = FakeProvider(keySet: try TestSigningKey.keySet([Self.published.jwk]))
        let party = OpenIDRelyingParty(settings: Self.settings, transport: provider, generator: SplitMix64(seed: 5))
        let result = try await Self.signIn(party, at: provider) { pending in
            let claims = Self.claims(pending)
            return try await forgery.forge(try await Self.published.sign(claims), claims)
        }
        #expect(result == .failure(forgery.expected))
    }

    @Test func returnAfterTheSignInsTimeIsRefused() async throws {
        let provider = FakeProvider(keySet: try TestSigningKey.keySet([Self.published.jwk]))
        let party = OpenIDRelyingParty(settings: Self.settings, transport: provider, generator: SplitMix64(seed: 6))
        let start = try await party.startSignIn(now: Self.now)
        await #expect(throws: OpenIDSignInError.signInExpired) {
            try await party.finishSignIn(
                start.pending, callbackQuery: "code=c&state=\(start.pending.state)", now: Self.now.addingTimeInterval(601))
        }
        #expect(await provider.requests.allSatisfy { $0.method == .get })
    }
}

/// What the district's IT person reads when the provider cannot be used at all.
struct ProviderAddressTests {
    static func start(issuer: String) async -> Result<SignInStart, OpenIDSignInError> {
        let settings = OpenIDSignInSettings(
            issuer: issuer, clientID: "district", clientSecret: "s", redirectURI: "https://training.example/cb")
        let party = OpenIDRelyingParty(
            settings: settings, transport: AsyncHTTPClientTransport(timeoutSeconds: 2), generator: SplitMix64(seed: 9))
        return await outcome { () async throws(OpenIDSignInError) in try await party.startSignIn(now: Date()) }
    }

    @Test func plainHTTPIsRefusedBeforeAnyRequest() async {
        #expect(await Self.start(issuer: "http://accounts.example") == .failure(.insecureAddress("http://accounts.example")))
    }

    /// Nothing listens on port 9 of the loopback address: the real transport's error is named.
    @Test func unreachableProviderIsNamed() async {
        let result = await Self.start(issuer: "http://127.0.0.1:9")
        guard case .failure(.providerUnreachable(let url, _)) = result else {
            Issue.record("\(result)")
            return
        }
        #expect(url == "http://127.0.0.1:9/.well-known/openid-configuration")
    }
}

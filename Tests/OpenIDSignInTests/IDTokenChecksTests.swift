import Foundation
import JWTKit
import Testing

@testable import OpenIDSignIn

/// OpenID Connect Core §3.1.3.7 on the claims of a token whose signature verified, one rule a
/// row: each row changes one claim (or the time) of a token that passes.
struct IDTokenChecksTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let checks = IDTokenChecks(issuer: "https://op.example", clientID: "district", nonce: "n-1", leeway: 60)

    static let valid = IDTokenClaims(
        iss: "https://op.example", sub: "248289761001", aud: AudienceClaim(value: ["district"]), azp: nil,
        exp: now.timeIntervalSince1970 + 300, iat: now.timeIntervalSince1970 - 5, nbf: nil, nonce: "n-1",
        email: "ana.ruiz@district.example", emailVerified: true, emailDomainOwnerVerified: nil, name: "Ana Ruiz")

    struct Case: Sendable, CustomTestStringConvertible {
        let label: String
        var change: @Sendable (inout IDTokenClaims) -> Void = { _ in }
        var now: Date = IDTokenChecksTests.now
        let expected: OpenIDSignInError?
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        .init(label: "a valid token", expected: nil),
        .init(
            label: "another issuer", change: { $0.iss = "https://op.example/" },
            expected: .wrongIssuer(expected: "https://op.example", found: "https://op.example/")),
        .init(label: "no issuer", change: { $0.iss = nil }, expected: .malformedIDToken(reason: "it has no issuer (iss)")),
        .init(
            label: "another audience", change: { $0.aud = AudienceClaim(value: ["other"]) },
            expected: .wrongAudience(clientID: "district", found: ["other"])),
        .init(label: "no audience", change: { $0.aud = nil }, expected: .wrongAudience(clientID: "district", found: [])),
        .init(
            label: "two audiences, azp this client",
            change: {
                $0.aud = AudienceClaim(value: ["district", "other"]); $0.azp = "district"
            }, expected: nil),
        .init(
            label: "two audiences, no azp", change: { $0.aud = AudienceClaim(value: ["district", "other"]) },
            expected: .wrongAuthorizedParty(clientID: "district", found: nil)),
        .init(
            label: "two audiences, azp another client",
            change: {
                $0.aud = AudienceClaim(value: ["district", "other"]); $0.azp = "other"
            },
            expected: .wrongAuthorizedParty(clientID: "district", found: "other")),
        .init(
            label: "one audience, azp another client", change: { $0.azp = "other" },
            expected: .wrongAuthorizedParty(clientID: "district", found: "other")),
        .init(label: "expired within the leeway", now: now.addingTimeInterval(300 + 59), expected: nil),
        .init(
            label: "expired past the leeway", now: now.addingTimeInterval(300 + 60),
            expected: .expired(at: now.addingTimeInterval(300))),
        .init(label: "no expiry", change: { $0.exp = nil }, expected: .malformedIDToken(reason: "it has no expiry time (exp)")),
        .init(label: "not before, within the leeway", change: { $0.nbf = now.timeIntervalSince1970 + 60 }, expected: nil),
        .init(
            label: "not before, past the leeway", change: { $0.nbf = now.timeIntervalSince1970 + 61 },
            expected: .notYetValid(until: now.addingTimeInterval(61))),
        .init(
            label: "issued in the future", change: { $0.iat = now.timeIntervalSince1970 + 61 },
            expected: .issuedInFuture(at: now.addingTimeInterval(61))),
        .init(
            label: "no issue time", change: { $0.iat = nil }, expected: .malformedIDToken(reason: "it has no issue time (iat)")),
        .init(label: "another nonce", change: { $0.nonce = "n-2" }, expected: .nonceMismatch),
        .init(label: "no nonce", change: { $0.nonce = nil }, expected: .nonceMismatch),
        .init(label: "no subject", change: { $0.sub = nil }, expected: .malformedIDToken(reason: "it has no subject (sub)")),
        .init(label: "no e-mail", change: { $0.email = nil }, expected: .emailMissing),
        .init(
            label: "e-mail not verified", change: { $0.emailVerified = false },
            expected: .emailNotVerified(email: "ana.ruiz@district.example")),
        .init(label: "e-mail verification not said", change: { $0.emailVerified = nil }, expected: nil),
        .init(
            label: "e-mail domain owner not verified (Entra)", change: { $0.emailDomainOwnerVerified = false },
            expected: .emailNotVerified(email: "ana.ruiz@district.example")),
        .init(label: "e-mail domain owner verified (Entra)", change: { $0.emailDomainOwnerVerified = true }, expected: nil),
    ]

    /// Google's documented second form of its issuer, for Google only.
    @Test(arguments: [
        ("https://accounts.google.com", "accounts.google.com", true),
        ("https://accounts.google.com", "https://accounts.google.com/", false),
        ("https://op.example", "op.example", false),
    ])
    func googlesLegacyIssuer(configured: String, found: String, accepted: Bool) {
        var claims = Self.valid
        claims.iss = found
        let checks = IDTokenChecks(issuer: configured, clientID: "district", nonce: "n-1", leeway: 60)
        let result = Result { () throws(OpenIDSignInError) in try checks.verifiedIdentity(from: claims, now: Self.now) }
        #expect(((try? result.get()) != nil) == accepted)
    }

    @Test(arguments: cases)
    func claimsAreChecked(_ test: Case) {
        var claims = Self.valid
        test.change(&claims)
        let result = Result { () throws(OpenIDSignInError) in try Self.checks.verifiedIdentity(from: claims, now: test.now) }
        switch (result, test.expected) {
        case (.success(let identity), nil):
            #expect(identity.subject == "248289761001")
            #expect(identity.email == "ana.ruiz@district.example")
            #expect(identity.name == "Ana Ruiz")
            #expect(identity.emailVerified == claims.emailVerified?.value)
        case (.failure(let error), let expected?): #expect(error == expected)
        default: Issue.record("\(result), expected \(String(describing: test.expected))")
        }
    }
}

import Accounts
import Foundation
import Records
import Testing

/// Browser sessions: a new secret at every sign-in, a CSRF token each, idle and absolute expiry.
@Suite struct WebSessionTests {
    static let policy = SessionPolicy(idle: 30 * 60, absolute: 12 * 3600, touchInterval: 60)

    @Test func aTokenFromBeforeSignInNeverBecomesSignedIn() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let accounts = DistrictAccounts.sample(in: folder.url)
        // A token an attacker planted in the victim's browser before sign-in, well formed or not.
        var attacker = SystemRandomNumberGenerator()
        let planted = [SecretToken(using: &attacker).text, "planted-session-id"]
        let signedIn = try await accounts.startSession(for: .staff(AccountSamples.staff[0]), now: AccountSamples.now)
        for token in planted {
            #expect(signedIn.cookieToken != token)
            #expect(try await accounts.session(cookieToken: token, now: AccountSamples.now + 1) == nil)
        }
        #expect(
            try await accounts.session(cookieToken: signedIn.cookieToken, now: AccountSamples.now + 1)?.person
                == .staff(AccountSamples.staff[0]))
        // Signing in again (another person on the same browser) gives another token; both stand apart.
        let again = try await accounts.startSession(for: .administrator(name: "Dana Whitfield"), now: AccountSamples.now + 2)
        #expect(again.cookieToken != signedIn.cookieToken)
        #expect(
            try await accounts.session(cookieToken: again.cookieToken, now: AccountSamples.now + 3)?.person
                == .administrator(name: "Dana Whitfield"))
    }

    @Test func eachSessionHasItsOwnCSRFToken() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let accounts = DistrictAccounts.sample(in: folder.url)
        var tokens: Set<String> = []
        for index in 0..<50 {
            let new = try await accounts.startSession(for: .staff(AccountSamples.staff[index % 3]), now: AccountSamples.now)
            #expect(SecretToken(new.session.csrfToken) != nil && new.session.csrfToken != new.cookieToken)
            tokens.insert(new.session.csrfToken)
            #expect(
                try await accounts.session(cookieToken: new.cookieToken, now: AccountSamples.now)?.csrfToken
                    == new.session.csrfToken)
        }
        #expect(tokens.count == 50)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// Seconds after sign-in of each request before the last, which is at `last`.
        var uses: [TimeInterval]
        var last: TimeInterval
        var signedIn: Bool
        var testDescription: String { name }
    }

    static let cases = [
        Case(name: "just before idle expiry", uses: [], last: 30 * 60 - 1, signedIn: true),
        Case(name: "at idle expiry", uses: [], last: 30 * 60, signedIn: false),
        Case(name: "kept alive by use", uses: [1500, 3000, 4500], last: 6000, signedIn: true),
        Case(name: "a use inside the touch interval does not extend it", uses: [50], last: 30 * 60 + 10, signedIn: false),
        Case(
            name: "absolute expiry despite use", uses: stride(from: 1500.0, to: 12 * 3600, by: 1500).map { $0 },
            last: 12 * 3600, signedIn: false),
    ]

    @Test(arguments: cases)
    func aSessionEndsWhenIdleOrAtItsAbsoluteLimit(rule: Case) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let accounts = DistrictAccounts.sample(in: folder.url, sessions: Self.policy)
        let new = try await accounts.startSession(for: .staff(AccountSamples.staff[1]), now: AccountSamples.now)
        #expect(new.session.expiresAt == AccountSamples.now + 30 * 60)
        for use in rule.uses {
            #expect(try await accounts.session(cookieToken: new.cookieToken, now: AccountSamples.now + use) != nil)
        }
        let last = try await accounts.session(cookieToken: new.cookieToken, now: AccountSamples.now + rule.last)
        #expect((last != nil) == rule.signedIn)
        if !rule.signedIn {
            // An expired session is deleted: it does not come back at an earlier time either.
            #expect(try await accounts.session(cookieToken: new.cookieToken, now: AccountSamples.now) == nil)
        }
    }

    @Test func signingOutDeletesTheSession() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let accounts = DistrictAccounts.sample(in: folder.url)
        let new = try await accounts.startSession(for: .staff(AccountSamples.staff[0]), now: AccountSamples.now)
        try await accounts.endSession(cookieToken: new.cookieToken)
        #expect(try await accounts.session(cookieToken: new.cookieToken, now: AccountSamples.now) == nil)
        try await accounts.endSession(cookieToken: "not a token")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.url.appending(path: "accounts/sessions").path)
        #expect(files.isEmpty)
    }

    @Test func expiredSessionsAreRemovedAndCurrentOnesKept() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let accounts = DistrictAccounts.sample(in: folder.url, sessions: Self.policy)
        let old = try await accounts.startSession(for: .staff(AccountSamples.staff[0]), now: AccountSamples.now)
        let new = try await accounts.startSession(for: .staff(AccountSamples.staff[1]), now: AccountSamples.now + 1500)
        #expect(try await accounts.removeExpiredSessions(now: AccountSamples.now + 1800) == 1)
        #expect(try await accounts.store.session(tokenHash: SecretToken(old.cookieToken)!.storedHash) == nil)
        #expect(try await accounts.session(cookieToken: new.cookieToken, now: AccountSamples.now + 1800) != nil)
    }
}

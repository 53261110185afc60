import Accounts
import Foundation
import Records
import ScenarioEngine
import Testing

/// When an invitation link signs its person in, and when it is refused.
@Suite struct InvitationRuleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var redeemed: Bool
        var revoked: Bool
        /// Seconds after issue, for a link of 14 days.
        var after: TimeInterval
        var refusal: AccountError?
        var testDescription: String { name }
    }

    static let fourteenDays = 14 * AccountSamples.day

    static let cases = [
        Case(name: "fresh", redeemed: false, revoked: false, after: 60, refusal: nil),
        Case(name: "last second", redeemed: false, revoked: false, after: fourteenDays - 1, refusal: nil),
        Case(name: "at expiry", redeemed: false, revoked: false, after: fourteenDays, refusal: .invitationExpired),
        Case(name: "reused", redeemed: true, revoked: false, after: 60, refusal: .invitationUsed),
        Case(name: "reused after expiry", redeemed: true, revoked: false, after: fourteenDays * 2, refusal: .invitationUsed),
        Case(name: "revoked", redeemed: false, revoked: true, after: 60, refusal: .invitationRevoked),
        Case(name: "revoked and expired", redeemed: false, revoked: true, after: fourteenDays, refusal: .invitationRevoked),
    ]

    @Test(arguments: cases)
    func aLinkIsUsedOnceBeforeItExpiresUnlessRevoked(rule: Case) throws {
        let issued = AccountSamples.now
        let invitation = Invitation(
            tokenHash: String(repeating: "0", count: 64), person: AccountSamples.staff[0], issuedAt: issued,
            expiresAt: issued + Self.fourteenDays, redeemedAt: rule.redeemed ? issued + 30 : nil,
            revokedAt: rule.revoked ? issued + 30 : nil)
        let now = issued + rule.after
        if let refusal = rule.refusal {
            #expect(throws: refusal) { try invitation.redeemed(at: now) }
        } else {
            let used = try invitation.redeemed(at: now)
            #expect(used.redeemedAt == now && !used.isOutstanding)
            #expect(throws: AccountError.invitationUsed) { try used.redeemed(at: now) }
        }
    }

    /// For any expiry and any moment, an unused link works exactly when the moment is before its expiry.
    @Test func anUnusedLinkWorksExactlyBeforeItsExpiry() {
        var generator = SplitMix64(seed: 13)
        for _ in 0..<2000 {
            let expiresAt = AccountSamples.now + Double(Int.random(in: 1...10_000_000, using: &generator))
            let now = AccountSamples.now + Double(Int.random(in: 0...12_000_000, using: &generator))
            let invitation = Invitation(
                tokenHash: "", person: AccountSamples.staff[1], issuedAt: AccountSamples.now, expiresAt: expiresAt)
            let works = (try? invitation.redeemed(at: now)) != nil
            #expect(works == (now < expiresAt), "expires \(expiresAt), now \(now)")
        }
    }

    @Test func redeemingThroughTheAccountsGivesTheRostersCurrentDetailsAndRefusesReuse() async throws {
        let directory = try TemporaryFolder()
        defer { directory.remove() }
        let accounts = DistrictAccounts.sample(in: directory.url)
        let issued = try await accounts.issueInvitations(
            to: [AccountSamples.staff[2]], expiresAt: AccountSamples.now + 7 * AccountSamples.day,
            publicURL: URL(string: "https://training.example.org/district/")!, now: AccountSamples.now, by: "command line")
        let link = try #require(issued.first?.link.absoluteString)
        #expect(link.hasPrefix("https://training.example.org/district/invitation/"))
        let token = String(link.dropFirst("https://training.example.org/district/invitation/".count))

        #expect(try await accounts.redeemInvitation(token: token, now: AccountSamples.now + 60) == AccountSamples.staff[2])
        await #expect(throws: AccountError.invitationUsed) {
            try await accounts.redeemInvitation(token: token, now: AccountSamples.now + 120)
        }
        await #expect(throws: AccountError.invitationUnknown) {
            try await accounts.redeemInvitation(token: "../../etc/passwd", now: AccountSamples.now)
        }
        let audit = try await accounts.store.auditTrail()
        #expect(audit.events.map(\.action) == [.invitationsIssued])
    }

    @Test func aLinkOfSomeoneWhoLeftTheRosterNoLongerSignsIn() async throws {
        let directory = try TemporaryFolder()
        defer { directory.remove() }
        let leaver = AccountSamples.member("E9", "Lou Park")
        let accounts = DistrictAccounts.sample(in: directory.url)
        let issued = try await accounts.issueInvitations(
            to: [leaver], expiresAt: AccountSamples.now + AccountSamples.day, publicURL: AccountSamples.publicURL,
            now: AccountSamples.now, by: "command line")
        await #expect(throws: AccountError.leftRoster(name: "Lou Park")) {
            try await accounts.redeemInvitation(token: issued[0].token.text, now: AccountSamples.now + 1)
        }
    }

    @Test func staffAreFoundByEmailWhateverTheCase() async throws {
        let directory = try TemporaryFolder()
        defer { directory.remove() }
        let accounts = DistrictAccounts.sample(in: directory.url)
        #expect(try await accounts.staffMember(withEmail: " E2@Example.ORG ") == AccountSamples.staff[1])
        #expect(try await accounts.staffMember(withEmail: "nobody@example.org") == nil)
        #expect(try await accounts.staffMember(withEmail: "") == nil)
    }
}

/// A folder of its own for one test.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appending(path: "csec-accounts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

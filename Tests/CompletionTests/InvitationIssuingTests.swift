import Accounts
import Completion
import Foundation
import Records
import Storage
import TestSupport
import Testing

/// Issuing invitations through the application layer, on the embedded stores: the people a
/// selection names get a link each, written to the folder owner-only; a new issue withdraws the
/// links of the one before; a selection that names nobody issues nothing.
struct InvitationIssuingTests {
    static let staff = [
        StaffMember(employeeID: "E1", name: "Ana Ruiz", email: "ana@example.org", school: "Park Elementary"),
        StaffMember(employeeID: "E2", name: "Ben Cho", school: "Park Elementary", role: "Custodian"),
        StaffMember(employeeID: "E3", name: "Cara Lee", school: "Hill Middle"),
    ]
    static let now = Date(timeIntervalSince1970: 1_790_000_000)
    static let publicURL = URL(string: "https://training.example.org")!

    @Test func theSchoolsStaffGetALinkEachWrittenOwnerOnly() async throws {
        let (accounts, directory) = try await Self.accounts()
        defer { try? FileManager.default.removeItem(at: directory) }
        let folder = directory.appending(path: "out")

        let issued = try await Self.issuing.issue(
            to: .school("park elementary"), on: accounts, publicURL: Self.publicURL, into: folder, now: Self.now,
            by: "tester")

        #expect(issued.invitations.map(\.person.employeeID).sorted() == ["E1", "E2"])
        #expect(issued.expiresAt == Self.now + 14 * 24 * 60 * 60)
        #expect(issued.files.map(\.lastPathComponent) == ["invitations.csv", "invitations.pdf"])
        for file in issued.files {
            let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(file.lastPathComponent)")
        }
        let csv = try String(contentsOf: issued.files[0], encoding: .utf8)
        for invitation in issued.invitations { #expect(csv.contains(invitation.link.absoluteString)) }
        let member = try await accounts.redeemInvitation(token: issued.invitations[0].token.text, now: Self.now)
        #expect(member == issued.invitations[0].person)
    }

    @Test func issuingAgainWithdrawsTheLinksIssuedBefore() async throws {
        let (accounts, directory) = try await Self.accounts()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try await Self.issuing.issue(
            to: .person(employeeID: "e3"), on: accounts, publicURL: Self.publicURL,
            into: directory.appending(path: "first"), now: Self.now, by: "tester")
        let second = try await Self.issuing.issue(
            to: .person(employeeID: "E3"), on: accounts, publicURL: Self.publicURL,
            into: directory.appending(path: "second"), now: Self.now + 60, by: "tester")

        await #expect(throws: AccountError.self) {
            _ = try await accounts.redeemInvitation(token: first.invitations[0].token.text, now: Self.now + 120)
        }
        #expect(
            try await accounts.redeemInvitation(token: second.invitations[0].token.text, now: Self.now + 120).name == "Cara Lee")
    }

    @Test func aSelectionThatNamesNobodyIssuesNothing() async throws {
        let (accounts, directory) = try await Self.accounts()
        defer { try? FileManager.default.removeItem(at: directory) }
        let folder = directory.appending(path: "out")
        do {
            _ = try await Self.issuing.issue(
                to: .school("Nowhere High"), on: accounts, publicURL: Self.publicURL, into: folder, now: Self.now,
                by: "tester")
            Issue.record("invitations were issued to nobody")
        } catch {
            guard case .nobodySelected(.school("Nowhere High")) = error else {
                Issue.record("unexpected: \(error)")
                return
            }
            #expect(!error.description.contains("--"), "the layer names no command-line option: \(error)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }

    static let issuing = InvitationIssuing(
        materials: InvitationMaterials(issuerName: "Example Unified", timeZone: TimeZone(identifier: "America/Los_Angeles")!),
        days: 14)

    static func accounts() async throws -> (DistrictAccounts, URL) {
        let directory = try Fixtures.temporaryDirectory()
        let roster = FileRosterRepository(dataDirectory: directory)
        _ = try await roster.importRoster(staff, scope: .wholeRoster)
        return (DistrictAccounts(store: FileAccountStore(dataDirectory: directory), roster: roster), directory)
    }
}

import Accounts
import Foundation
import Records
import TestSupport
import Testing

/// The embedded store's files are what schemas/accounts.schema.json and docs/accounts.md say.
@Suite struct AccountFilesSchemaTests {
    static let schema = Fixtures.repositoryRoot.appending(path: "schemas/accounts.schema.json")

    @Test func everyFileTheStoreWritesMatchesItsSchema() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let accounts = DistrictAccounts.sample(in: folder.url)
        let issued = try await accounts.issueInvitations(
            to: AccountSamples.staff, expiresAt: AccountSamples.now + AccountSamples.day, publicURL: AccountSamples.publicURL,
            now: AccountSamples.now, by: "command line")
        _ = try await accounts.redeemInvitation(token: issued[0].token.text, now: AccountSamples.now + 1)
        _ = try await accounts.revokeInvitations(.school("Park Elementary"), now: AccountSamples.now + 2, by: "Dana")
        _ = try await accounts.addAdministrator(
            name: "Dana Whitfield", password: "correct horse battery", now: AccountSamples.now, by: "command line")
        _ = try await accounts.addAdministrator(
            name: "Sam Ortiz", password: "correct horse battery", school: AccountSamples.staff[0].school,
            now: AccountSamples.now, by: "command line")
        let staff = try await accounts.startSession(for: .staff(AccountSamples.staff[0]), now: AccountSamples.now)
        let admin = try await accounts.startSession(for: .administrator(name: "Dana Whitfield"), now: AccountSamples.now)
        try await accounts.record(
            AuditEvent(
                at: AccountSamples.now, action: .signedIn, actor: "Ana Ruiz", detail: "invitation link", clientAddress: "::1"))

        let directory = folder.url.appending(path: "accounts")
        let files: [(String, String)] = [
            ("invitations.json", "invitationsFile"), ("administrators.json", "administratorsFile"),
            ("sessions/\(SecretToken(staff.cookieToken)!.storedHash).json", "sessionFile"),
            ("sessions/\(SecretToken(admin.cookieToken)!.storedHash).json", "sessionFile"),
        ]
        for (file, definition) in files {
            let data = try Data(contentsOf: directory.appending(path: file))
            #expect(try JSONSchemaCheck.errors(in: data, schema: Self.schema, definition: definition) == [], "\(file)")
        }
        let lines = try String(contentsOf: directory.appending(path: "audit.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 5)
        for line in lines {
            #expect(try JSONSchemaCheck.errors(in: Data(line.utf8), schema: Self.schema, definition: "auditLine") == [])
        }
        let redemption = directory.appending(path: "redemptions/\(issued[0].token.storedHash).json")
        #expect(
            try JSONSchemaCheck.errors(in: Data(contentsOf: redemption), schema: Self.schema, definition: "redemptionFile") == [])
        let invitations = try String(contentsOf: directory.appending(path: "invitations.json"), encoding: .utf8)
        #expect(
            invitations.contains("\"formatVersion\" : 2") && invitations.contains("\"redeemedAt\""), "folded in by the withdrawal"
        )
    }

    /// Using a link writes its redemption file and leaves `invitations.json` as it was; the link is
    /// then used for every store on the folder (another process), and a second use is refused.
    @Test func usingALinkWritesOnlyItsRedemption() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let accounts = DistrictAccounts.sample(in: folder.url)
        let issued = try await accounts.issueInvitations(
            to: AccountSamples.staff, expiresAt: AccountSamples.now + AccountSamples.day, publicURL: AccountSamples.publicURL,
            now: AccountSamples.now, by: "command line")
        let file = folder.url.appending(path: "accounts/invitations.json")
        let before = try Data(contentsOf: file)
        let identity = try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? Int
        _ = try await accounts.redeemInvitation(token: issued[1].token.text, now: AccountSamples.now + 5)
        #expect(try Data(contentsOf: file) == before)
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? Int == identity)

        let other = FileAccountStore(dataDirectory: folder.url)
        let stored = try await other.invitations()
        #expect(stored.map { $0.redeemedAt != nil } == issued.indices.map { $0 == 1 })
        #expect(stored[1].redeemedAt == AccountSamples.now + 5)
        await #expect(throws: AccountError.invitationUsed) {
            try await other.redeemInvitation(tokenHash: issued[1].token.storedHash, now: AccountSamples.now + 6)
        }
        _ = try await other.redeemInvitation(tokenHash: issued[0].token.storedHash, now: AccountSamples.now + 7)
    }

    /// A version 1 file that recorded a use keeps that link used; an unused link of it works, and
    /// the next issue writes version 2 with the use folded in.
    @Test func aVersionOneFileKeepsItsUsesAndBecomesVersionTwo() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let accounts = DistrictAccounts.sample(in: folder.url)
        let issued = try await accounts.issueInvitations(
            to: Array(AccountSamples.staff.prefix(2)), expiresAt: AccountSamples.now + AccountSamples.day,
            publicURL: AccountSamples.publicURL, now: AccountSamples.now, by: "command line")
        let file = folder.url.appending(path: "accounts/invitations.json")
        // As a version 1 csec-trainer wrote it after the first link was used.
        let used = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
        var invitations = used["invitations"] as! [[String: Any]]
        invitations[0]["redeemedAt"] = "2026-09-01T16:00:00Z"
        let version1: [String: Any] = ["format": "csec-trainer-invitations", "formatVersion": 1, "invitations": invitations]
        try JSONSerialization.data(withJSONObject: version1).write(to: file)

        let store = FileAccountStore(dataDirectory: folder.url)
        await #expect(throws: AccountError.invitationUsed) {
            try await store.redeemInvitation(tokenHash: issued[0].token.storedHash, now: AccountSamples.now + 1)
        }
        _ = try await store.redeemInvitation(tokenHash: issued[1].token.storedHash, now: AccountSamples.now + 2)
        _ = try await accounts.issueInvitations(
            to: [AccountSamples.staff[2]], expiresAt: AccountSamples.now + AccountSamples.day,
            publicURL: AccountSamples.publicURL, now: AccountSamples.now + 3, by: "command line")
        let written = try String(contentsOf: file, encoding: .utf8)
        #expect(written.contains(#""formatVersion" : 2"#))
        #expect(try await store.invitations().prefix(2).allSatisfy { $0.redeemedAt != nil })
        #expect(try JSONSchemaCheck.errors(in: Data(written.utf8), schema: Self.schema, definition: "invitationsFile") == [])
    }

    @Test func aFileOfANewerFormatIsRefusedAndLeftAsItIs() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let directory = folder.url.appending(path: "accounts")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let newer = Data(#"{"format": "csec-trainer-administrators", "formatVersion": 3, "administrators": []}"#.utf8)
        let file = directory.appending(path: "administrators.json")
        try newer.write(to: file)
        let store = FileAccountStore(dataDirectory: folder.url)
        await #expect(throws: AccountError.unsupportedVersion(location: file.path, found: 3, supported: 2)) {
            try await store.administrators()
        }
        #expect(try Data(contentsOf: file) == newer)
    }

    /// An administrators file of format 1, written before roles existed, keeps signing its
    /// administrators in, as district administrators; the file stays version 1 until a site
    /// administrator is added, then becomes version 2 (which an older csec-trainer refuses
    /// rather than take a site administrator for the district's).
    @Test func administratorsOfFormatOneAreDistrictAdministratorsAndASiteAdministratorMakesFormatTwo() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let directory = folder.url.appending(path: "accounts")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appending(path: "administrators.json")
        try Data(
            #"""
            {"format": "csec-trainer-administrators", "formatVersion": 1, "administrators": [
              {"name": "Dana Whitfield", "passwordHash": "$2b$04$abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZ01234", "addedAt": "2026-08-01T16:00:00Z"}]}
            """#.utf8
        ).write(to: file)
        let accounts = DistrictAccounts.sample(in: folder.url)
        #expect(try await accounts.administratorRole(named: "dana whitfield") == .district)
        _ = try await accounts.addAdministrator(
            name: "Lee Park", password: "correct horse battery", now: AccountSamples.now, by: "command line")
        #expect(try String(contentsOf: file, encoding: .utf8).contains(#""formatVersion" : 1"#))
        let school = AccountSamples.staff[0].school
        _ = try await accounts.addAdministrator(
            name: "Sam Ortiz", password: "correct horse battery", school: school, now: AccountSamples.now, by: "command line")
        let written = try String(contentsOf: file, encoding: .utf8)
        #expect(written.contains(#""formatVersion" : 2"#) && written.contains(#""school" : "\#(school)""#))
        #expect(try await accounts.administratorRole(named: "Sam Ortiz") == .site(school: school))
        #expect(try await accounts.administratorRole(named: "Dana Whitfield") == .district)
        #expect(try await accounts.administratorRole(named: "Nobody") == nil)
        #expect(try JSONSchemaCheck.errors(in: Data(written.utf8), schema: Self.schema, definition: "administratorsFile") == [])
    }
}

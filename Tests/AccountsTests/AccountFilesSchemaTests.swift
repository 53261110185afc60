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
        let invitations = try String(contentsOf: directory.appending(path: "invitations.json"), encoding: .utf8)
        #expect(invitations.contains("\"formatVersion\" : 1") && invitations.contains("\"redeemedAt\""))
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

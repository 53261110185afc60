import Accounts
import Foundation
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
        #expect(lines.count == 4)
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
        let newer = Data(#"{"format": "csec-trainer-administrators", "formatVersion": 2, "administrators": []}"#.utf8)
        let file = directory.appending(path: "administrators.json")
        try newer.write(to: file)
        let store = FileAccountStore(dataDirectory: folder.url)
        await #expect(throws: AccountError.unsupportedVersion(location: file.path, found: 2, supported: 1)) {
            try await store.administrators()
        }
        #expect(try Data(contentsOf: file) == newer)
    }
}

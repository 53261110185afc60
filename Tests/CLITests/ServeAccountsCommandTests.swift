import Foundation
import TestSupport
import Testing

extension CLISuite {
    /// `serve admin add` and `serve invite`: administrators and sign-in links from the command line.
    @Suite
    struct ServeAccountsCommandTests {
        let data: URL

        init() throws {
            data = try Fixtures.temporaryDirectory()
        }

        @Test func anAdministratorIsAddedWithAPipedPasswordKeptOnlyAsABcryptHash() async throws {
            defer { try? FileManager.default.removeItem(at: data) }
            let password = "river stone lantern 42"
            let added = try await CLIRunner.run(
                ["serve", "admin", "add", "Dana Whitfield", "--data-dir", data.path], input: password + "\n")
            #expect(added.status == 0, "\(added.error)")
            #expect(added.output.contains("Added administrator Dana Whitfield"))
            let stored = try String(contentsOf: data.appending(path: "accounts/administrators.json"), encoding: .utf8)
            #expect(stored.contains("\"passwordHash\" : \"$2b$12$") && !stored.contains(password))

            let again = try await CLIRunner.run(
                ["serve", "admin", "add", "dana whitfield", "--data-dir", data.path], input: password + "\n")
            #expect(again.status == 1 && again.error.contains("already an administrator named dana whitfield"), "\(again.error)")
            let short = try await CLIRunner.run(["serve", "admin", "add", "Lee Park", "--data-dir", data.path], input: "short\n")
            #expect(short.status == 1 && short.error.contains("too short"), "\(short.error)")
            let none = try await CLIRunner.run(["serve", "admin", "add", "Lee Park", "--data-dir", data.path], input: "")
            #expect(none.status != 0 && none.error.contains("No password on standard input"), "\(none.error)")

            let list = try await CLIRunner.run(["serve", "admin", "list", "--data-dir", data.path])
            #expect(list.status == 0 && list.output.hasPrefix("Dana Whitfield\tdistrict administrator\tadded "), "\(list.output)")
            #expect(!list.output.contains("Lee Park"))
            let audit = try String(contentsOf: data.appending(path: "accounts/audit.jsonl"), encoding: .utf8)
            #expect(audit.split(separator: "\n").count == 1 && audit.contains("\"action\":\"administrator added\""))
        }

        /// `--school` makes a site administrator of a school the roster lists; a school it does not
        /// list is refused, naming those it does; the list and the stored file say which is which.
        @Test func aSiteAdministratorIsAddedForASchoolOnTheRoster() async throws {
            defer { try? FileManager.default.removeItem(at: data) }
            let list = data.appending(path: "staff.csv")
            try Data(Self.staffList.utf8).write(to: list)
            #expect(try await CLIRunner.run(["staff", "import", list.path, "--data-dir", data.path]).status == 0)
            let typo = try await CLIRunner.run(
                ["serve", "admin", "add", "Sam Ortiz", "--school", "Lincon High", "--data-dir", data.path],
                input: "river stone lantern 42\n")
            #expect(typo.status == 1 && typo.error.contains("Hoover Middle, Lincoln High"), "\(typo.error)")
            let added = try await CLIRunner.run(
                ["serve", "admin", "add", "Sam Ortiz", "--school", "Lincoln High", "--data-dir", data.path],
                input: "river stone lantern 42\n")
            #expect(added.status == 0 && added.output.contains("site administrator of Lincoln High"), "\(added.error)")
            let listed = try await CLIRunner.run(["serve", "admin", "list", "--data-dir", data.path])
            #expect(listed.output.hasPrefix("Sam Ortiz\tsite administrator of Lincoln High\tadded "), "\(listed.output)")
            let stored = try String(contentsOf: data.appending(path: "accounts/administrators.json"), encoding: .utf8)
            #expect(stored.contains(#""formatVersion" : 2"#) && stored.contains(#""school" : "Lincoln High""#))
        }

        /// `role` moves an administrator between site and district, `remove` takes them away; a
        /// school or a name the command cannot use is refused with what to give instead.
        @Test func anAdministratorsRoleIsChangedAndTheyAreRemoved() async throws {
            defer { try? FileManager.default.removeItem(at: data) }
            let list = data.appending(path: "staff.csv")
            try Data(Self.staffList.utf8).write(to: list)
            #expect(try await CLIRunner.run(["staff", "import", list.path, "--data-dir", data.path]).status == 0)
            let added = try await CLIRunner.run(
                ["serve", "admin", "add", "Sam Ortiz", "--data-dir", data.path], input: "river stone lantern 42\n")
            #expect(added.status == 0, "\(added.error)")

            let site = try await CLIRunner.run(
                ["serve", "admin", "role", "sam ortiz", "--school", "Hoover Middle", "--data-dir", data.path])
            #expect(site.status == 0 && site.output.contains("Sam Ortiz is now site administrator of Hoover Middle"), "\(site)")
            let both = try await CLIRunner.run(
                ["serve", "admin", "role", "Sam Ortiz", "--school", "Hoover Middle", "--district", "--data-dir", data.path])
            #expect(both.status != 0 && both.error.contains("either --school"), "\(both.error)")
            let typo = try await CLIRunner.run(
                ["serve", "admin", "role", "Sam Ortiz", "--school", "Hover Middle", "--data-dir", data.path])
            #expect(typo.status == 1 && typo.error.contains("Hoover Middle, Lincoln High"), "\(typo.error)")
            let listed = try await CLIRunner.run(["serve", "admin", "list", "--data-dir", data.path])
            #expect(listed.output.hasPrefix("Sam Ortiz\tsite administrator of Hoover Middle\t"), "\(listed.output)")
            let district = try await CLIRunner.run(["serve", "admin", "role", "Sam Ortiz", "--district", "--data-dir", data.path])
            #expect(district.status == 0 && district.output.contains("now district administrator"), "\(district)")

            let removed = try await CLIRunner.run(["serve", "admin", "remove", "SAM ORTIZ", "--data-dir", data.path])
            #expect(removed.status == 0 && removed.output.contains("Removed administrator Sam Ortiz"), "\(removed)")
            let again = try await CLIRunner.run(["serve", "admin", "remove", "Sam Ortiz", "--data-dir", data.path])
            #expect(again.status == 1 && again.error.contains("There is no administrator named Sam Ortiz"), "\(again.error)")
            let none = try await CLIRunner.run(["serve", "admin", "list", "--data-dir", data.path])
            #expect(none.output.contains("No administrators yet"), "\(none.output)")
            let audit = try String(contentsOf: data.appending(path: "accounts/audit.jsonl"), encoding: .utf8)
            #expect(audit.components(separatedBy: "administrator changed").count == 3 && audit.contains("administrator removed"))
        }

        static let staffList =
            "employee id,name,email,school\r\n" + "E-1,Ana Ruiz,ana@example.org,Lincoln High\r\n"
            + "E-2,\"Okafor, Sam\",,Lincoln High\r\n" + "E-3,Kim Lee,kim@example.org,Hoover Middle\r\n"

        @Test func invitationsOfASchoolAreWrittenAsAMailMergeCSVAndCanBeRevoked() async throws {
            defer { try? FileManager.default.removeItem(at: data) }
            let list = data.appending(path: "staff.csv")
            try Data(Self.staffList.utf8).write(to: list)
            #expect(try await CLIRunner.run(["staff", "import", list.path, "--data-dir", data.path]).status == 0)
            let out = data.appending(path: "out")

            let invited = try await CLIRunner.run([
                "serve", "invite", "--school", "lincoln high", "--expires-in", "7", "--out", out.path, "--public-url",
                "https://training.example.org/", "--data-dir", data.path,
            ])
            #expect(invited.status == 0, "\(invited.error)")
            #expect(invited.output.contains("Issued 2 sign-in link(s) of school lincoln high"), "\(invited.output)")
            let csvFile = out.appending(path: "invitations.csv")
            let csv = try String(contentsOf: csvFile, encoding: .utf8)
            let rows = csv.split(separator: "\r\n").map(String.init)
            #expect(rows.first == "name,employee id,email,school,role,link,expires")
            #expect(rows.count == 3)
            let link = #/https://training\.example\.org/invitation/[A-Za-z0-9_-]{43}/#
            #expect(rows[1].hasPrefix("Ana Ruiz,E-1,ana@example.org,Lincoln High,"))
            #expect(rows[2].hasPrefix("\"Okafor, Sam\",E-2,,Lincoln High,"))
            // The printable sheet beside it: a PDF, owner-only.
            let sheet = out.appending(path: "invitations.pdf")
            #expect(try Data(contentsOf: sheet).starts(with: Data("%PDF-".utf8)))
            #expect((try FileManager.default.attributesOfItem(atPath: sheet.path)[.posixPermissions] as? Int) == 0o600)
            #expect(rows.dropFirst().allSatisfy { $0.contains(link) })
            let attributes = try FileManager.default.attributesOfItem(atPath: csvFile.path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            let tokens = rows.dropFirst().compactMap {
                $0.firstMatch(of: link).map { String($0.output.split(separator: "/").last!) }
            }
            let stored = try String(contentsOf: data.appending(path: "accounts/invitations.json"), encoding: .utf8)
            #expect(tokens.count == 2 && tokens.allSatisfy { !stored.contains($0) })

            let revoked = try await CLIRunner.run(["serve", "invite", "revoke", "--employee-id", "e-2", "--data-dir", data.path])
            #expect(revoked.status == 0 && revoked.output.contains("Withdrew 1 unused sign-in link(s)"), "\(revoked.output)")
            let nobody = try await CLIRunner.run([
                "serve", "invite", "--school", "Nowhere High", "--out", out.path, "--public-url", "https://training.example.org",
                "--data-dir", data.path,
            ])
            #expect(nobody.status == 1 && nobody.error.contains("no one on the staff roster matches school Nowhere High"))
            let badURL = try await CLIRunner.run([
                "serve", "invite", "--out", out.path, "--public-url", "training.example.org", "--data-dir", data.path,
            ])
            #expect(badURL.status != 0 && badURL.error.contains("cannot start a sign-in link"), "\(badURL.error)")
        }

        /// The same commands on a county's PostgreSQL database (`--database`): nothing is kept
        /// in the data directory's `accounts/` folder.
        @Test(.enabled(if: TestDatabase.runsPostgresCases, Comment(rawValue: TestDatabase.skipMessage)))
        func administratorsAndInvitationsGoToTheDatabase() async throws {
            defer { try? FileManager.default.removeItem(at: data) }
            let database = try TestDatabase.makeDatabase()
            defer { TestDatabase.dropDatabase(database) }
            #expect(try await CLIRunner.run(["database", "migrate", "--database", database]).status == 0)
            let list = data.appending(path: "staff.csv")
            try Data(Self.staffList.utf8).write(to: list)
            let on = ["--database", database, "--data-dir", data.path]
            #expect(try await CLIRunner.run(["staff", "import", list.path] + on).status == 0)

            let added = try await CLIRunner.run(
                ["serve", "admin", "add", "Dana Whitfield"] + on, input: "river stone lantern 42\n")
            #expect(added.status == 0, "\(added.error)")
            let listed = try await CLIRunner.run(["serve", "admin", "list"] + on)
            #expect(listed.output.hasPrefix("Dana Whitfield\tdistrict administrator\tadded "), "\(listed.output)")
            let site = try await CLIRunner.run(
                ["serve", "admin", "add", "Sam Ortiz", "--school", "lincoln high"] + on, input: "river stone lantern 43\n")
            #expect(site.output.contains("site administrator of lincoln high"), "\(site.error)")
            let both = try await CLIRunner.run(["serve", "admin", "list"] + on)
            #expect(both.output.contains("Sam Ortiz\tsite administrator of lincoln high\tadded "), "\(both.output)")
            let out = data.appending(path: "out")
            let invited = try await CLIRunner.run(
                ["serve", "invite", "--out", out.path, "--public-url", "https://training.example.org"] + on)
            #expect(invited.status == 0 && invited.output.contains("Issued 3 sign-in link(s) of everyone"), "\(invited.error)")
            let revoked = try await CLIRunner.run(["serve", "invite", "revoke", "--all"] + on)
            #expect(revoked.output.contains("Withdrew 3 unused sign-in link(s)"), "\(revoked.output)")
            #expect(!FileManager.default.fileExists(atPath: data.appending(path: "accounts").path))
        }
    }
}

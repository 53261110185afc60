import Foundation
import TestSupport
import Testing

extension CLISuite {
    /// `records export` writes a line to the district server's audit log where the installation
    /// keeps accounts, naming the user who ran it and how many records; an installation without
    /// accounts is left without them.
    @Suite
    struct RecordsExportAuditTests {
        let school: RecordsCommandTests
        let transfer: URL

        init() throws {
            school = try RecordsCommandTests()
            transfer = try Fixtures.temporaryDirectory()
        }

        func removeAll() {
            for directory in [school.data, transfer] { try? FileManager.default.removeItem(at: directory) }
        }

        @Test func anExportIsAuditedWhereTheServerKeepsAccounts() async throws {
            defer { removeAll() }
            _ = try await school.finishSession(name: "Ana Ruiz")
            let added = try await CLIRunner.run(
                ["serve", "admin", "add", "Dana Whitfield", "--data-dir", school.data.path], input: "river stone lantern 42\n")
            #expect(added.status == 0, "\(added.error)")

            let export = try await CLIRunner.run(["records", "export", "--out", transfer.path, "--data-dir", school.data.path])
            #expect(export.status == 0, "\(export.error)")

            let log = try String(contentsOf: school.data.appending(path: "accounts/audit.jsonl"), encoding: .utf8)
            let events = try log.split(separator: "\n").map { line in
                let entry = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                return try #require(entry["event"] as? [String: Any])
            }
            let exports = events.filter { $0["action"] as? String == "records exported" }
            #expect(exports.count == 1)
            #expect(exports.first?["actor"] as? String == ProcessInfo.processInfo.userName)
            #expect(exports.first?["detail"] as? String == "records export via command line, 1 record")
        }

        @Test func anInstallationWithoutAccountsGetsNone() async throws {
            defer { removeAll() }
            _ = try await school.finishSession(name: "Ana Ruiz")
            let export = try await CLIRunner.run(["records", "export", "--out", transfer.path, "--data-dir", school.data.path])
            #expect(export.status == 0, "\(export.error)")
            #expect(!FileManager.default.fileExists(atPath: school.data.appending(path: "accounts").path))
        }
    }
}

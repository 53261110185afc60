import Foundation
import Records
import TestSupport
import Testing

extension CLISuite {
    /// Records move between machines as their signed files: `records export` on one,
    /// `records import` (trusting the first machine's public key) on the other.
    @Suite
    struct RecordsImportExportCommandTests {
        let school: RecordsCommandTests
        let district: URL
        let transfer: URL

        init() throws {
            school = try RecordsCommandTests()
            district = try Fixtures.temporaryDirectory()
            transfer = try Fixtures.temporaryDirectory()
        }

        func removeAll() {
            for directory in [school.data, district, transfer] { try? FileManager.default.removeItem(at: directory) }
        }

        /// `--trust` takes every format `keys export` writes, as `records verify --key` does.
        @Test(arguments: ["pem", "jwk", "key-set"])
        func importTrustsAKeyInEveryFormatKeysExportWrites(format: String) async throws {
            defer { removeAll() }
            let id = try await school.finishSession(name: "Ana Ruiz")
            let export = try await CLIRunner.run(["records", "export", "--out", transfer.path, "--data-dir", school.data.path])
            #expect(export.status == 0, "\(export.error)")
            let key = transfer.deletingLastPathComponent().appending(path: "school-\(UUID().uuidString).\(format)")
            defer { try? FileManager.default.removeItem(at: key) }
            if format == "key-set" {
                // A key set names each key's issuer.
                let settings = try await CLIRunner.run(["settings", "--issuer", "Marin Unified", "--data-dir", school.data.path])
                #expect(settings.status == 0, "\(settings.error)")
            }
            try await CLIRunner.run(["keys", "export", "--format", format, "--data-dir", school.data.path]).output.write(
                to: key, atomically: true, encoding: .utf8)

            let imported = try await CLIRunner.run([
                "records", "import", transfer.path, "--trust", key.path, "--data-dir", district.path,
            ])

            #expect(
                imported.status == 0 && imported.output.contains("added") && imported.output.contains(id), "\(imported.error)")
            let reexport = try await CLIRunner.run([
                "records", "export", "--out", transfer.appending(path: "again").path, "--data-dir", district.path,
            ])
            #expect(reexport.status == 0 && reexport.output.contains("1 record files written"), "\(reexport.error)")
        }

        @Test func exportedRecordsImportOnceElsewhereAndAForgedOneIsRefused() async throws {
            defer { removeAll() }
            let id = try await school.finishSession(name: "Zoë Łukasiewicz")
            let export = try await CLIRunner.run(["records", "export", "--out", transfer.path, "--data-dir", school.data.path])
            #expect(export.status == 0, "\(export.error)")
            #expect(export.output.contains("1 record files written"))
            let key = transfer.deletingLastPathComponent().appending(path: "school-\(UUID().uuidString).pem")
            defer { try? FileManager.default.removeItem(at: key) }
            try await CLIRunner.run(["keys", "export", "--data-dir", school.data.path]).output.write(
                to: key, atomically: true, encoding: .utf8)
            let importing = ["records", "import", transfer.path, "--trust", key.path, "--data-dir", district.path]

            let first = try await CLIRunner.run(importing)
            let again = try await CLIRunner.run(importing)
            let stranger = transfer.appending(path: "stranger")
            let untrusted = try await CLIRunner.run(Array(importing[0...2]) + ["--data-dir", stranger.path])

            #expect(first.status == 0 && first.output.contains("added") && first.output.contains(id), "\(first.error)")
            #expect(again.status == 0 && again.output.contains("already stored"), "\(again.error)")
            #expect(untrusted.status == 1 && untrusted.output.contains("refused") && untrusted.error.contains("not trusted"))
            // The key given once is trusted from then on: the district's export verifies the record.
            let reexport = try await CLIRunner.run([
                "records", "export", "--out", transfer.appending(path: "again").path, "--data-dir", district.path,
            ])
            #expect(reexport.status == 0 && reexport.output.contains("1 record files written"), "\(reexport.error)")
            // Imported records count in the district's report and verify; the records log names
            // them, so one deleted is found missing.
            let report = try await CLIRunner.run([
                "records", "report", "--school-year", RecordsCommandTests.currentSchoolYear.label, "--format", "csv",
                "--data-dir", district.path,
            ])
            #expect(report.status == 0 && report.output.contains("Zoë Łukasiewicz"), "\(report.error)")
            let verified = try await CLIRunner.run(["records", "verify", "--all", "--data-dir", district.path])
            #expect(verified.status == 0 && verified.output.contains("1 of 1 records verified"), "\(verified.error)")
            #expect(!verified.output.contains("not in the records log"), "\(verified.output)")
            let records = district.appending(path: "records")
            let name = try #require(try FileManager.default.contentsOfDirectory(atPath: records.path).first { $0.hasPrefix(id) })
            let imported = records.appending(path: name)
            let copy = try Data(contentsOf: imported)
            try FileManager.default.removeItem(at: imported)
            let missing = try await CLIRunner.run(["records", "verify", "--all", "--data-dir", district.path])
            #expect(missing.status == 1 && missing.error.contains("MISSING"), "\(missing.error)")
            try copy.write(to: imported)

            let file = try #require(
                try FileManager.default.contentsOfDirectory(atPath: transfer.path).first { $0.hasSuffix(".json") })
            let forged = transfer.appending(path: file)
            let text = try String(contentsOf: forged, encoding: .utf8)
            try text.replacing("Zoë", with: "Zoe").write(to: forged, atomically: true, encoding: .utf8)
            let refused = try await CLIRunner.run(importing)
            #expect(refused.status == 1)
            #expect(refused.output.contains("refused") && refused.error.contains("ALTERED"), "\(refused.error)")
        }
    }
}

extension CLISuite.RecordsImportExportCommandTests {
    /// The same move into a county's PostgreSQL database (`--database`), migrated first, and
    /// back out of it.
    @Test(.enabled(if: TestDatabase.runsPostgresCases, Comment(rawValue: TestDatabase.skipMessage)))
    func recordsMoveIntoAndOutOfADatabase() async throws {
        defer { removeAll() }
        let database = try TestDatabase.makeDatabase()
        defer { TestDatabase.dropDatabase(database) }
        let id = try await school.finishSession(name: "José Núñez")
        _ = try await CLIRunner.run(["records", "export", "--out", transfer.path, "--data-dir", school.data.path])
        let key = transfer.deletingLastPathComponent().appending(path: "school-\(UUID().uuidString).pem")
        defer { try? FileManager.default.removeItem(at: key) }
        try await CLIRunner.run(["keys", "export", "--data-dir", school.data.path]).output.write(
            to: key, atomically: true, encoding: .utf8)
        let importing = ["records", "import", transfer.path, "--trust", key.path, "--data-dir", district.path]

        let unmigrated = try await CLIRunner.run(importing + ["--database", database])
        let migrate = try await CLIRunner.run(["database", "migrate"], environment: ["CSEC_TRAINER_DATABASE": database])
        let first = try await CLIRunner.run(importing, environment: ["CSEC_TRAINER_DATABASE": database])
        let again = try await CLIRunner.run(importing + ["--database", database])
        let year = CLISuite.RecordsCommandTests.currentSchoolYear
        let report = try await CLIRunner.run([
            "records", "report", "--school-year", year.label, "--as-of", year.today.description, "--format", "csv",
            "--database", database, "--data-dir", district.path,
        ])
        // The roster goes to the same database: the report then lists the rostered person who
        // has not trained, and no roster is kept in the data directory.
        let staff = transfer.appending(path: "staff.csv")
        try "employee id,name,school\nE-77,José Núñez,Redwood High\nE-78,Kim Lee,Redwood High\n".write(
            to: staff, atomically: true, encoding: .utf8)
        let staffImport = try await CLIRunner.run([
            "staff", "import", staff.path, "--database", database, "--data-dir", district.path,
        ])
        let rostered = try await CLIRunner.run([
            "records", "report", "--school-year", year.label, "--as-of", year.today.description, "--format", "csv",
            "--database", database, "--data-dir", district.path,
        ])
        #expect(staffImport.status == 0 && staffImport.output.contains("2 added"), "\(staffImport.error)")
        #expect(!FileManager.default.fileExists(atPath: district.appending(path: "staff-roster.json").path))
        #expect(rostered.status == 0 && rostered.output.contains("Kim Lee"), "\(rostered.error)")
        let out = transfer.appending(path: "from-database")
        let export = try await CLIRunner.run(
            ["records", "export", "--out", out.path, "--database", database, "--data-dir", district.path])

        #expect(unmigrated.status == 1 && unmigrated.error.contains("csec-trainer database migrate"), "\(unmigrated.error)")
        #expect(migrate.status == 0 && migrate.output.contains("applied migration"), "\(migrate.error)")
        #expect(first.status == 0 && first.output.contains("added") && first.output.contains(id), "\(first.error)")
        #expect(again.status == 0 && again.output.contains("already stored"), "\(again.error)")
        #expect(export.status == 0 && export.output.contains("1 record files written"), "\(export.error)")
        #expect(report.status == 0 && report.output.contains("José Núñez,E-77,Redwood High,"), "\(report.error)")
        let original = try #require(
            try FileManager.default.contentsOfDirectory(atPath: transfer.path).first { $0.hasSuffix(".json") })
        #expect(
            try Data(contentsOf: out.appending(path: original)) == Data(contentsOf: transfer.appending(path: original)),
            "the record leaves the database byte for byte as it was signed")
    }
}

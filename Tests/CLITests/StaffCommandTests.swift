import Foundation
import RecordStore
import Records
import TestSupport
import Testing

extension CLISuite {
    /// `staff import` reads a staff list, and `records report` then lists everyone on it.
    @Suite
    struct StaffCommandTests {
        let data: URL

        init() throws {
            data = try Fixtures.temporaryDirectory()
        }

        /// A spreadsheet's export: a byte order mark, CRLF, a quoted comma.
        static let staffList =
            "\u{FEFF}Employee ID,Name,Email,School,Role,Hire Date,District\r\n"
            + "E-1,Ana Ruiz,ana@example.org,Lincoln High,teacher,,Tamalpais Union\r\n"
            + "E-2,\"Okafor, Sam\",,Lincoln High,counselor,,Tamalpais Union\r\n"
            + "E-3,Kim Lee,,Hoover Middle,teacher,2026-11-02,Tamalpais Union\r\n"

        func write(_ text: String, to name: String) throws -> String {
            let file = data.appending(path: name)
            try Data(text.utf8).write(to: file)
            return file.path
        }

        @Test func anImportedRosterPutsEveryoneInTheReport() async throws {
            defer { try? FileManager.default.removeItem(at: data) }
            let store = RecordStore(dataDirectory: data, key: try InstallationKey.loadOrCreate(in: data))
            let ana = SampleRecords.record(name: "Ana Ruiz", employeeID: "E-1", completed: "2026-09-15T10:30:00-07:00")
            let walkIn = SampleRecords.record(name: "Kim Lee", school: "Hoover Middle", completed: "2026-11-20T10:30:00-08:00")
            let stranger = SampleRecords.record(name: "Pat Doe", employeeID: "E-99", completed: "2026-09-01T10:30:00-07:00")
            for record in [ana, walkIn, stranger] { try store.save(record) }
            let code = ana.verificationCodeIn(store)
            let list = try write(Self.staffList, to: "staff.csv")

            let dryRun = try await CLIRunner.run(["staff", "import", list, "--dry-run", "--data-dir", data.path])
            #expect(dryRun.status == 0, "\(dryRun.error)")
            #expect(
                dryRun.output.contains("3 added, 0 updated, 0 removed, 0 unchanged")
                    && dryRun.output.contains("Nothing was changed"))
            #expect(dryRun.output.contains("Lincoln High   2"), "\(dryRun.output)")
            let notYet = try await CLIRunner.run(["staff", "list", "--data-dir", data.path])
            #expect(notYet.status == 1 && notYet.error.contains("No staff roster has been imported"))

            let imported = try await CLIRunner.run(["staff", "import", list, "--data-dir", data.path])
            #expect(imported.status == 0, "\(imported.error)")
            #expect(imported.output.contains("Imported 3 people: 3 added"))

            let report = try await CLIRunner.run([
                "records", "report", "--school-year", "2026-2027", "--as-of", "2026-12-01", "--format", "csv", "--data-dir",
                data.path,
            ])
            #expect(report.status == 0, "\(report.error)")
            let lines = report.output.split(whereSeparator: \.isNewline).map(String.init)
            #expect(
                lines == [
                    "name,employee id,district,school,role,email,completed,verification code,due,status,roster",
                    "Kim Lee,E-3,Tamalpais Union,Hoover Middle,teacher,,2026-11-20,\(walkIn.verificationCodeIn(store)),2026-12-14,complete,confirm match",
                    "Ana Ruiz,E-1,Tamalpais Union,Lincoln High,teacher,ana@example.org,2026-09-15,\(code),2026-08-12,complete,listed",
                    "\"Okafor, Sam\",E-2,Tamalpais Union,Lincoln High,counselor,,,,2026-08-12,overdue,listed",
                    "Pat Doe,E-99,Tamalpais Union,Lincoln High,teacher,,2026-09-01,\(stranger.verificationCodeIn(store)),2026-08-12,complete,not on roster",
                ], "\(report.output)")

            let json = try await CLIRunner.run([
                "records", "report", "--school-year", "2026-2027", "--as-of", "2026-12-01", "--format", "json", "--data-dir",
                data.path,
            ])
            #expect(json.output.contains("\"verificationCode\" : \"\(code)\""), "\(json.output)")
        }

        @Test func aSchoolsListReplacesOnlyThatSchool() async throws {
            defer { try? FileManager.default.removeItem(at: data) }
            _ = try await CLIRunner.run(["staff", "import", try write(Self.staffList, to: "staff.csv"), "--data-dir", data.path])
            let lincoln = try write("employee id,name,school\nE-1,Ana Ruiz,Lincoln High\nE-4,Dee Wu,Lincoln High\n", to: "l.csv")
            let result = try await CLIRunner.run(["staff", "import", lincoln, "--data-dir", data.path])
            #expect(result.status == 0, "\(result.error)")
            #expect(result.output.contains("1 added, 1 updated, 1 removed, 0 unchanged"), "\(result.output)")
            #expect(result.output.contains("Removed:\n  Okafor, Sam (E-2, Lincoln High)"))
            let list = try await CLIRunner.run(["staff", "list", "--format", "csv", "--data-dir", data.path])
            #expect(list.output.split(whereSeparator: \.isNewline).dropFirst().map { $0.prefix(4) } == ["E-3,", "E-1,", "E-4,"])
        }

        @Test func aBadListImportsNothingAndNamesEachLine() async throws {
            defer { try? FileManager.default.removeItem(at: data) }
            let list = try write("employee id,name,school,hire date\nE-1,,Lincoln,\nE-2,Kim,Lincoln,next week\n", to: "bad.csv")
            let result = try await CLIRunner.run(["staff", "import", list, "--data-dir", data.path])
            #expect(result.status == 1)
            #expect(result.error.contains("bad.csv:2: error: the name is empty."))
            #expect(result.error.contains("bad.csv:3: error: the hire date “next week” is not a date."))
            #expect(!FileManager.default.fileExists(atPath: data.appending(path: "staff-roster.json").path))
        }
    }
}

extension CompletionRecord {
    /// The verification code of this record as `store` saved it.
    fileprivate func verificationCodeIn(_ store: RecordStore) -> String {
        (try? SignedRecord.read(Data(contentsOf: store.file(for: id)), path: "").verificationCode) ?? "?"
    }
}

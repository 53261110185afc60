import ContentLoading
import Foundation
import RecordStore
import Records
import TestSupport
import Testing

extension CLISuite {
    /// Reports trust only what they verified; certificates and records verify on another machine
    /// with the district's key; the issuer set once is on what is issued afterwards.
    @Suite
    struct TrustCommandTests {
        let data: URL
        let elsewhere: URL

        init() throws {
            data = try Fixtures.temporaryDirectory()
            elsewhere = try Fixtures.temporaryDirectory()
        }

        /// Trains to the end with every answer right; returns the record's short id.
        func finishSession(name: String) async throws -> String {
            let content = try Fixtures.trainingContent()
            let jurisdiction = try #require(content.library.jurisdiction("marin"))
            let script = ScriptedAnswers(content: content, jurisdiction: jurisdiction, count: 3, seed: 11, wrongEvery: nil)
            let result = try await CLIRunner.run(
                ["train", "--name", name, "--jurisdiction", "marin", "--count", "3", "--seed", "11", "--data-dir", data.path],
                input: script.letters.joined(separator: "\n") + "\n")
            #expect(result.status == 0, "\(result.error)")
            let match = try #require(result.output.firstMatch(of: /csec-trainer certificate ([0-9a-f]{8})/))
            return String(match.output.1)
        }

        func recordFile(_ id: String) throws -> URL {
            let records = data.appending(path: "records")
            let name = try #require(try FileManager.default.contentsOfDirectory(atPath: records.path).first { $0.hasPrefix(id) })
            return records.appending(path: name)
        }

        @Test func aDeletedRecordIsNamedMissingAndAnEmptiedOneIsNotCounted() async throws {
            defer { try? FileManager.default.removeItem(at: data) }
            let kept = try await finishSession(name: "Ana Ruiz")
            let emptied = try await finishSession(name: "Kim Lee")
            let deleted = try await finishSession(name: "Luis Ortega")
            let edited = try await finishSession(name: "Mei Chen")
            try FileManager.default.removeItem(at: try recordFile(deleted))
            let emptiedFile = try recordFile(emptied)
            try Data().write(to: emptiedFile)
            let editedFile = try recordFile(edited)
            let text = try String(contentsOf: editedFile, encoding: .utf8)
            try Data(text.replacingOccurrences(of: "Mei Chen", with: "Mei Chan").utf8).write(to: editedFile)

            for format in ["table", "json"] {
                let list = try await CLIRunner.run(["records", "list", "--format", format, "--data-dir", data.path])
                #expect(list.output.contains("Ana Ruiz"), "\(list.output)")
                #expect(!list.output.contains("Kim Lee") && !list.output.contains("Mei Ch"), "\(list.output)")
                #expect(list.status == 1 && list.error.contains(emptiedFile.path) && list.error.contains(editedFile.path))
            }
            let report = try await CLIRunner.run(["records", "report", "--school-year", "2026-2027", "--data-dir", data.path])
            #expect(!report.output.contains("Kim Lee") && !report.output.contains("Mei Ch") && report.status == 1)

            let verify = try await CLIRunner.run(["records", "verify", "--all", "--data-dir", data.path])
            #expect(verify.status == 1)
            #expect(verify.error.contains("MISSING") && verify.error.contains(deleted), "\(verify.error)")
            #expect(verify.output.contains(kept) && verify.output.contains("1 of 4 records verified"), "\(verify.output)")
            #expect(verify.error.contains("ALTERED") && verify.error.contains(editedFile.path))
            #expect(verify.output.contains("Records log: 4 entries"))
        }

        @Test func theDistrictsKeyVerifiesItsCertificatesAndRecordsElsewhere() async throws {
            defer {
                try? FileManager.default.removeItem(at: data)
                try? FileManager.default.removeItem(at: elsewhere)
            }
            let district = "Tamalpais Union High School District"
            let set = try await CLIRunner.run(["settings", "--issuer", district, "--data-dir", data.path])
            #expect(set.status == 0, "\(set.error)")
            let id = try await finishSession(name: "Zoë Łukasiewicz-O'Brien")
            let pdf = elsewhere.appending(path: "certificate.pdf")
            let jwt = elsewhere.appending(path: "badge.jwt")
            for (format, file) in [("pdf", pdf), ("openbadge", jwt)] {
                let made = try await CLIRunner.run([
                    "certificate", id, "--format", format, "--out", file.path, "--data-dir", data.path,
                ])
                #expect(made.status == 0, "\(made.error)")
            }
            let show = try await CLIRunner.run(["records", "show", id, "--format", "json", "--data-dir", data.path])
            #expect(show.output.contains("\"issuer\" : \"\(district)\""))
            #expect(try await CLIRunner.tool("pdftotext", [pdf.path, "-"]).contains(district))

            let keySet = elsewhere.appending(path: "county-keys.json")
            let export = try await CLIRunner.run(["keys", "export", "--format", "key-set", "--data-dir", data.path])
            try Data(export.output.utf8).write(to: keySet)
            let pem = elsewhere.appending(path: "district.pem")
            try Data(try await CLIRunner.run(["keys", "export", "--data-dir", data.path]).output.utf8).write(to: pem)

            // Another machine: no records, no key of its own.
            let empty = elsewhere.appending(path: "data")
            for key in [keySet, pem] {
                for file in [pdf, jwt] {
                    let verify = try await CLIRunner.run([
                        "certificate", "verify", file.path, "--key", key.path, "--data-dir", empty.path,
                    ])
                    #expect(verify.status == 0, "\(file.lastPathComponent) with \(key.lastPathComponent): \(verify.error)")
                    #expect(verify.output.contains("valid: Zoë Łukasiewicz-O'Brien, "))
                    #expect(verify.output.contains("issued by \(district)"))
                }
            }
            let pdfVerdict = try await CLIRunner.run([
                "certificate", "verify", pdf.path, "--key", keySet.path, "--data-dir", empty.path,
            ])
            #expect(pdfVerdict.output.contains("Marin County protocol") && pdfVerdict.output.contains("completed 20"))
            #expect(!FileManager.default.fileExists(atPath: empty.path), "verifying made no key and no data directory")

            let records = try await CLIRunner.run(["records", "verify", "--all", "--key", keySet.path, "--data-dir", data.path])
            #expect(records.status == 0, "\(records.error)")
            #expect(records.output.contains("issued by \(district)") && records.output.contains("1 of 1 records verified"))

            // Another district's key does not vouch for them.
            let otherData = elsewhere.appending(path: "other")
            let other = try await CLIRunner.run(["keys", "export", "--data-dir", otherData.path])
            let otherKey = elsewhere.appending(path: "other.pem")
            try Data(other.output.utf8).write(to: otherKey)
            let refused = try await CLIRunner.run([
                "certificate", "verify", pdf.path, "--key", otherKey.path, "--data-dir", empty.path,
            ])
            #expect(refused.status == 1 && refused.error.contains("not one of the keys it is checked with"), "\(refused.error)")
        }
    }
}

import ContentLoading
import Foundation
import RecordStore
import Records
import TestSupport
import Testing

extension CLISuite {
    /// A finished session leaves a signed record; the records, keys and certificate commands
    /// work on it, and catch a changed byte.
    @Suite
    struct RecordsCommandTests {
        let data: URL

        init() throws {
            data = try Fixtures.temporaryDirectory()
        }

        /// The school year the clock is in now ("2026-2027"), its first day, and today.
        static var currentSchoolYear: (label: String, start: CalendarDate, today: CalendarDate) {
            let today = CalendarDate(Date(), utcOffsetSeconds: TimeZone.current.secondsFromGMT())
            let first = today.month >= 7 ? today.year : today.year - 1
            return ("\(first)-\(first + 1)", CalendarDate(year: first, month: 7, day: 1)!, today)
        }

        /// Trains to the end with every answer right; returns the record's short id.
        func finishSession(name: String = "Nguyễn Thị Minh") async throws -> String {
            let content = try Fixtures.trainingContent()
            let jurisdiction = try #require(content.library.jurisdiction("marin"))
            let script = ScriptedAnswers(content: content, jurisdiction: jurisdiction, count: 3, seed: 11, wrongEvery: nil)
            let result = try await CLIRunner.run(
                [
                    "train", "--name", name, "--jurisdiction", "marin", "--count", "3", "--seed", "11", "--data-dir",
                    data.path, "--school", "Redwood High", "--employee-id", "E-77", "--hire-date",
                    Self.currentSchoolYear.start.adding(days: 30).description,
                ],
                input: script.letters.joined(separator: "\n") + "\n")
            #expect(result.status == 0, "\(result.error)")
            #expect(result.output.contains("Your completion record is saved and signed"))
            let match = try #require(result.output.firstMatch(of: /csec-trainer certificate ([0-9a-f]{8})/))
            return String(match.output.1)
        }

        func recordFile() throws -> URL {
            let records = data.appending(path: "records")
            let name = try #require(
                try FileManager.default.contentsOfDirectory(atPath: records.path).first { $0.hasSuffix(".json") })
            return records.appending(path: name)
        }

        @Test func aFinishedSessionIsListedVerifiedAndReported() async throws {
            defer { try? FileManager.default.removeItem(at: data) }
            let id = try await finishSession()
            let list = try await CLIRunner.run(["records", "list", "--data-dir", data.path])
            #expect(
                list.output.contains("Nguyễn Thị Minh") && list.output.contains("Redwood High") && list.output.contains("100%"))
            let verify = try await CLIRunner.run(["records", "verify", "--all", "--data-dir", data.path])
            #expect(verify.status == 0, "\(verify.error)")
            #expect(verify.output.contains("1 of 1 records verified"))
            let show = try await CLIRunner.run(["records", "show", id, "--data-dir", data.path])
            #expect(show.output.contains("Trainee: Nguyễn Thị Minh (employee id E-77"))
            #expect(show.output.contains("Note: \(LegalNote.text)"))
            // A scripted session takes seconds: shown as the certificate shows it, not "0 min".
            #expect(show.output.contains(", active under 1 min"))
            let year = Self.currentSchoolYear
            let report = try await CLIRunner.run([
                "records", "report", "--school-year", year.label, "--as-of", year.today.description, "--format", "csv",
                "--data-dir", data.path,
            ])
            #expect(report.output.contains("Nguyễn Thị Minh,E-77,Redwood High,\(year.today),100%,"), "\(report.output)")
            #expect(
                report.output.contains(",\(year.start.adding(days: 30 + 42)),complete"), "due six weeks after the hire date")
        }

        @Test func aChangedByteFailsVerification() async throws {
            defer { try? FileManager.default.removeItem(at: data) }
            _ = try await finishSession()
            let file = try recordFile()
            var bytes = try Data(contentsOf: file)
            let position = try #require(bytes.firstRange(of: Data("\"percent\" : 100".utf8))).upperBound - 1
            bytes[position] = UInt8(ascii: "1")
            try bytes.write(to: file)
            let verify = try await CLIRunner.run(["records", "verify", "--all", "--data-dir", data.path])
            #expect(verify.status == 1)
            #expect(verify.error.contains("ALTERED"))
        }

        @Test func aPDFCertificateCarriesTheNameScoreAndCodeAndVerifies() async throws {
            defer { try? FileManager.default.removeItem(at: data) }
            let id = try await finishSession(name: "Zoë Łukasiewicz-O'Brien")
            let pdf = data.appending(path: "certificate.pdf")
            let export = try await CLIRunner.run(["certificate", id, "--out", pdf.path, "--data-dir", data.path])
            #expect(export.status == 0, "\(export.error)")
            let code = try #require(export.output.split(separator: "(verification code ").last?.prefix(14))
            let text = try await CLIRunner.tool("pdftotext", [pdf.path, "-"])
            #expect(text.contains("Zoë Łukasiewicz-O'Brien") && text.contains("100%") && text.contains(String(code)))
            let verify = try await CLIRunner.run(["certificate", "verify", pdf.path, "--data-dir", data.path])
            #expect(verify.status == 0, "\(verify.error)")
            #expect(verify.output.contains("valid: Zoë Łukasiewicz-O'Brien"))

            // A changed byte in the PDF itself (its pages, not its keywords): no longer the certificate.
            let original = try Data(contentsOf: pdf)
            var changed = original
            changed[changed.count / 2] ^= 0x01
            try changed.write(to: pdf)
            let altered = try await CLIRunner.run(["certificate", "verify", pdf.path, "--data-dir", data.path])
            #expect(altered.status == 1)
            #expect(altered.error.contains("text or layout was changed"), "\(altered.error)")
            try original.write(to: pdf)

            // The record behind it changed: the certificate no longer verifies.
            let file = try recordFile()
            var bytes = try Data(contentsOf: file)
            bytes[bytes.count - 3] ^= 0x01
            try bytes.write(to: file)
            let after = try await CLIRunner.run(["certificate", "verify", pdf.path, "--data-dir", data.path])
            #expect(after.status == 1)
        }

        @Test func anOpenBadgesCredentialVerifiesAndACharacterChangeFails() async throws {
            defer { try? FileManager.default.removeItem(at: data) }
            let id = try await finishSession(name: "José Núñez")
            let jwt = data.appending(path: "badge.jwt")
            let export = try await CLIRunner.run([
                "certificate", id, "--format", "openbadge", "--out", jwt.path, "--data-dir", data.path,
            ])
            #expect(export.status == 0, "\(export.error)")
            let verify = try await CLIRunner.run(["certificate", "verify", jwt.path, "--data-dir", data.path])
            #expect(verify.status == 0, "\(verify.error)")
            var token = Array(try String(contentsOf: jwt, encoding: .utf8).utf8)
            token[token.count / 2] = token[token.count / 2] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
            try Data(token).write(to: jwt)
            let changed = try await CLIRunner.run(["certificate", "verify", jwt.path, "--data-dir", data.path])
            #expect(changed.status == 1)
        }

        /// `--out -` writes the certificate to standard output (for a pipe), and nothing else there.
        @Test(arguments: ["pdf", "openbadge"])
        func aCertificateGoesToStandardOutputWithOutDash(_ format: String) async throws {
            defer { try? FileManager.default.removeItem(at: data) }
            let id = try await finishSession(name: "José Núñez")
            let export = try await CLIRunner.run(["certificate", id, "--format", format, "--out", "-", "--data-dir", data.path])
            #expect(export.status == 0, "\(export.error)")
            #expect(export.error.contains("Wrote the certificate for José Núñez"))
            #expect(!FileManager.default.fileExists(atPath: Fixtures.repositoryRoot.appending(path: "-").path))
            if format == "pdf" {
                #expect(export.output.hasPrefix("%PDF-"))
            } else {
                #expect(export.output.split(separator: ".").count == 3 && export.output.hasSuffix("\n"))
                let saved = data.appending(path: "certificate.jwt")
                try Data(export.output.utf8).write(to: saved)
                let verify = try await CLIRunner.run(["certificate", "verify", saved.path, "--data-dir", data.path])
                #expect(verify.status == 0, "\(verify.error)")
            }
        }

        @Test func theFailedAttemptGetsNoCertificate() async throws {
            defer { try? FileManager.default.removeItem(at: data) }
            let content = try Fixtures.trainingContent()
            let jurisdiction = try #require(content.library.jurisdiction("marin"))
            let script = ScriptedAnswers(content: content, jurisdiction: jurisdiction, count: 3, seed: 11, wrongEvery: 1)
            _ = try await CLIRunner.run(
                [
                    "train", "--name", "Kim Lee", "--jurisdiction", "marin", "--count", "3", "--seed", "11", "--data-dir",
                    data.path,
                ],
                input: script.letters.joined(separator: "\n") + "\n")
            let name = try recordFile().deletingPathExtension().lastPathComponent
            let export = try await CLIRunner.run([
                "certificate", name, "--out", data.appending(path: "c.pdf").path, "--data-dir", data.path,
            ])
            #expect(export.status == 1)
            #expect(export.error.contains("certificates are for passing attempts"))
        }

        @Test func aGroupSessionGetsOneCertificatePerPassingAttendee() async throws {
            defer { try? FileManager.default.removeItem(at: data) }
            let store = RecordStore(dataDirectory: data, key: try InstallationKey.loadOrCreate(in: data))
            for (name, passed, session) in [
                ("José Núñez", true, "ROOM-7"), ("Kim Lee", true, "ROOM-7"), ("Sam Okafor", false, "ROOM-7"),
                ("Ana Ruiz", true, nil),
            ] {
                var record = SampleRecords.record(name: name, percent: passed ? 90 : 50, passed: passed)
                if let session { record.mode = .groupSession(id: session, facilitator: "Dana Whitfield") }
                try store.save(record)
            }
            let out = data.appending(path: "certificates")
            let result = try await CLIRunner.run([
                "certificate", "--session", "ROOM-7", "--out", out.path, "--data-dir", data.path,
            ])
            #expect(result.status == 0, "\(result.error)")
            let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
            #expect(files.count == 2)
            #expect(files.first?.hasPrefix("José-Núñez-") == true && files.last?.hasPrefix("Kim-Lee-") == true)
            for file in files {
                #expect(
                    try await CLIRunner.tool("qpdf", ["--check", out.appending(path: file).path]).contains(
                        "No syntax or stream encoding errors"))
            }
        }

        @Test func thePublicKeyExports() async throws {
            defer { try? FileManager.default.removeItem(at: data) }
            let pem = try await CLIRunner.run(["keys", "export", "--data-dir", data.path])
            #expect(pem.output.hasPrefix("-----BEGIN PUBLIC KEY-----"))
            let jwk = try await CLIRunner.run(["keys", "export", "--format", "jwk", "--data-dir", data.path])
            #expect(jwk.output.contains("\"crv\" : \"Ed25519\""))
        }
    }
}

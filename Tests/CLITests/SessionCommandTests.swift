import Foundation
import ProtocolEngine
import TestSupport
import Testing

extension CLISuite {
    /// `session host` serves, takes the facilitator's commands at its console, and at `end`
    /// writes the attendance roster; with --offline it runs the room at one screen and records
    /// group attendance.
    @Suite
    struct SessionCommandTests {
        /// The session folders in `data`: `sessions/<id>/`.
        static func sessionFolders(in data: URL) throws -> [URL] {
            let sessions = data.appending(path: "sessions")
            return try FileManager.default.contentsOfDirectory(atPath: sessions.path).map { sessions.appending(path: $0) }
        }

        @Test func hostingPrintsTheJoinAddressAndEndsWithARoster() async throws {
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            let port = try OpenIDProviderMock.freePort()
            let result = try await CLIRunner.run(
                [
                    "session", "host", "--jurisdiction", "san-diego", "--facilitator", "Dana Whitfield",
                    "--bind", "127.0.0.1:\(port)", "--data-dir", data.path,
                ],
                input: "roster\ncounts\nnext\ncounts\nnext\nreveal\nend\n")
            #expect(result.status == 0, "\(result.error)")
            #expect(result.output.contains("Join at http://127.0.0.1:\(port)/ with the code "))
            #expect(result.output.contains(#/Projector: http://127\.0\.0\.1:[0-9]+/present#key=[0-9a-f]{32}\n/#), "the key")
            #expect(result.output.contains("0 joined"))
            #expect(result.output.contains("No question is open."))
            #expect(result.output.contains(#/Question 1 of [0-9]+: 0 of 0 answered · A 0 · B 0/#))
            #expect(result.output.contains("Reveal the answer before moving on."))
            #expect(result.output.contains("← the protocol's answer"))
            let folder = try #require(try Self.sessionFolders(in: data).first)
            let roster = try String(contentsOf: folder.appending(path: "roster.csv"), encoding: .utf8)
            #expect(roster.hasPrefix("name,employee id,answered,score,result,record,certificate"))
        }

        /// The offline room: the roster from a file (a spreadsheet's, with CRLF line ends), the
        /// room's answers typed to the last question: every attendee gets a signed record of
        /// group attendance, without a score, and a certificate; the roster lists them.
        @Test func theOfflineRoomRecordsAttendanceForEveryone() async throws {
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            let rosterFile = data.appending(path: "staff.csv")
            try Data("\u{FEFF}# staff meeting\r\nAna Ruiz, E-1042\r\n\r\nNguyễn Thị Minh\r\n".utf8).write(to: rosterFile)
            let result = try await CLIRunner.run(
                [
                    "session", "host", "--offline", "--jurisdiction", "marin", "--facilitator", "Dana Whitfield",
                    "--roster", rosterFile.path, "--count", "1", "--seed", "4", "--data-dir", data.path,
                ],
                input: "zz\n" + String(repeating: "a\n", count: 20))
            #expect(result.status == 0, "\(result.error)")
            #expect(result.output.contains("2 attendees."))
            #expect(result.output.contains("Type the letter the room agreed on"), "an unknown answer gets help")
            let marin = try Fixtures.jurisdiction("marin")
            #expect(result.output.contains("Cites: \(marin.document.prefix(12))"), "the reveal cites the county's document")
            #expect(!result.output.contains(marin.source.seed), "never a file name")
            #expect(!result.output.contains("ended early"))
            #expect(result.output.contains("2 completion records written"))

            let records = try await Self.records(in: data)
            #expect(records.count == 2)
            for record in records {
                let mode = try #require(record["mode"] as? [String: Any])
                #expect(mode["kind"] as? String == "group-attendance")
                #expect(mode["facilitator"] as? String == "Dana Whitfield")
                #expect(record["score"] == nil, "not individually scored")
                let attendance = try #require(record["attendance"] as? [String: Int])
                #expect(attendance["questionsCovered"] == attendance["questionsPlanned"])
                #expect((record["questions"] as? [Any])?.count == attendance["questionsPlanned"])
            }
            let verify = try await CLIRunner.run(["records", "verify", "--all", "--data-dir", data.path])
            #expect(verify.status == 0, "\(verify.output)\(verify.error)")

            let folder = try #require(try Self.sessionFolders(in: data).first)
            let roster = try String(contentsOf: folder.appending(path: "roster.csv"), encoding: .utf8)
            #expect(roster.contains("Ana Ruiz,E-1042,as the room,,\"attended (group, not scored)\""))
            #expect(roster.contains("Nguyễn Thị Minh,,as the room"))
            let certificates = try FileManager.default.contentsOfDirectory(
                atPath: folder.appending(path: "certificates").path)
            #expect(certificates.count == 2 && certificates.allSatisfy { $0.hasSuffix(".pdf") })
            let pdf = folder.appending(path: "certificates/\(try #require(certificates.first))")
            let check = try await CLIRunner.run(["certificate", "verify", pdf.path, "--data-dir", data.path])
            #expect(check.status == 0 && check.output.contains("attended"), "\(check.output)\(check.error)")
        }

        /// `quit` before the last question: attendance is recorded, nothing is lost, but it does
        /// not complete the training, so there are no certificates.
        @Test func anOfflineSessionEndedEarlyIsRecordedButDoesNotComplete() async throws {
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            let result = try await CLIRunner.run(
                [
                    "session", "host", "--offline", "--jurisdiction", "san-diego", "--facilitator", "Dana Whitfield",
                    "--count", "2", "--data-dir", data.path,
                ],
                input: "Kim Lee, E-7\n\na\nquit\n")
            #expect(result.status == 0, "\(result.error)")
            #expect(result.output.contains("1 attendee."))
            #expect(result.output.contains("The session ended early"))
            #expect(result.output.contains("No certificates"))
            let records = try await Self.records(in: data)
            #expect(records.count == 1)
            #expect((records.first?["attendance"] as? [String: Int])?["questionsCovered"] == 1)
            let folder = try #require(try Self.sessionFolders(in: data).first)
            let roster = try String(contentsOf: folder.appending(path: "roster.csv"), encoding: .utf8)
            #expect(roster.contains("Kim Lee,E-7,as the room,,attended part (session ended early)"))
            let report = try await CLIRunner.run(
                ["records", "report", "--school-year", "2026-2027", "--as-of", "2026-07-02", "--data-dir", data.path])
            let row = try #require(report.output.split(separator: "\n").first { $0.hasPrefix("Kim Lee") })
            #expect(row.hasSuffix(" due"), "not complete: \(row)")
        }

        /// Attendees typed at the console, with their problems said; input ending before any
        /// answer records nothing.
        @Test func anOfflineRoomThatAnsweredNothingRecordsNothing() async throws {
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            let result = try await CLIRunner.run(
                [
                    "session", "host", "--offline", "--jurisdiction", "orange-county", "--facilitator", "Dana Whitfield",
                    "--data-dir", data.path,
                ],
                input: "Kim Lee\n, E-7\n\(String(repeating: "x", count: 81))\n\n")
            #expect(result.status == 0, "\(result.error)")
            #expect(result.output.contains("Not added: a line needs a name first"))
            #expect(result.output.contains("Not added: the name is too long: it may have up to 80 characters."))
            #expect(result.output.contains("1 attendee."))
            #expect(result.output.contains("no attendance was recorded"))
            #expect(!FileManager.default.fileExists(atPath: data.appending(path: "sessions").path))
        }

        @Test func aRosterFileLineWithoutANameIsReportedByLine() async throws {
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            let rosterFile = data.appending(path: "staff.txt")
            try Data("Ana Ruiz\n, E-9\n".utf8).write(to: rosterFile)
            let result = try await CLIRunner.run([
                "session", "host", "--offline", "--jurisdiction", "marin", "--facilitator", "Dana Whitfield",
                "--roster", rosterFile.path, "--data-dir", data.path,
            ])
            #expect(result.status != 0)
            #expect(result.error.contains("\(rosterFile.path):2: error: a line needs a name first"), "\(result.error)")
        }

        /// A roster file line whose employee id carries terminal escape sequences (or whose name
        /// turns the text's direction) is refused by line, by the same rule as the join page, and
        /// the escape never reaches the screen.
        @Test(arguments: [
            ("Ana Ruiz, E-1\u{1B}[2J\u{1B}[H", "the employee id contains a control character (such as Escape"),
            ("Ana \u{202E}ziuR", "the name contains an invisible character that changes the direction"),
            ("\u{200B}\u{200B}, E-9", "a line needs a name first"),
        ])
        func aRosterFileLineWithControlCharactersIsRefusedByLine(_ line: String, _ problem: String) async throws {
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            let rosterFile = data.appending(path: "staff.txt")
            try Data("Kim Lee\n\(line)\n".utf8).write(to: rosterFile)
            let result = try await CLIRunner.run([
                "session", "host", "--offline", "--jurisdiction", "marin", "--facilitator", "Dana Whitfield",
                "--roster", rosterFile.path, "--data-dir", data.path,
            ])
            #expect(result.status != 0)
            #expect(result.error.contains("\(rosterFile.path):2: error: \(problem)"), "\(result.error)")
            #expect(!(result.output + result.error).contains("\u{1B}["), "no escape sequence is printed")
        }

        /// Attendees typed at the console go through the same rule: the escape is refused, never
        /// echoed into the roster.
        @Test func anAttendeeTypedWithAnEscapeIsNotAdded() async throws {
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            let result = try await CLIRunner.run(
                [
                    "session", "host", "--offline", "--jurisdiction", "marin", "--facilitator", "Dana Whitfield",
                    "--count", "1", "--data-dir", data.path,
                ],
                input: "Kim Lee, E-7\nAna Ruiz, \u{1B}[2J\n\na\n")
            #expect(result.status == 0, "\(result.error)")
            #expect(result.output.contains("Not added: the employee id contains a control character"))
            #expect(result.output.contains("1 attendee."))
            let folder = try #require(try Self.sessionFolders(in: data).first)
            let roster = try String(contentsOf: folder.appending(path: "roster.csv"), encoding: .utf8)
            #expect(roster.contains("Kim Lee,E-7"))
            #expect(!roster.contains("\u{1B}") && !roster.contains("Ana Ruiz"))
        }

        /// The signed records in `data`, as `records list --format json` gives them.
        static func records(in data: URL) async throws -> [[String: Any]] {
            let list = try await CLIRunner.run(["records", "list", "--format", "json", "--data-dir", data.path])
            return try #require(try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [[String: Any]])
        }

        @Test(arguments: [
            (["--offline", "--lan"], "--offline uses no network"),
            (["--bind", "127.0.0.1:9000", "--lan"], "--bind gives the address and port"),
            (["--bind", "localhost"], "--bind"),
            (["--bind", "::1"], "--bind"),
            (["--bind", "127.0.0.1:0"], "--bind"),
            (["--roster", "staff.txt"], "--roster is for --offline"),
        ])
        func conflictingOptionsAreRefused(_ options: [String], _ message: String) async throws {
            let result = try await CLIRunner.run(
                ["session", "host", "--jurisdiction", "marin", "--facilitator", "Dana Whitfield"] + options)
            #expect(result.status != 0)
            #expect(result.error.contains(message), "\(result.error)")
        }
    }
}

import Foundation
import Logging
import TestSupport
import Testing
import WSClient

extension CLISuite {
    /// SIGTERM (a `kill`, a service manager) and SIGHUP (the terminal or SSH connection closing)
    /// end a group session as `end` and Ctrl-C do: every answer given is recorded and the roster
    /// is written, live and offline.
    @Suite
    struct SessionStopSignalTests {
        static let stoppingSignals: [StopSignalCase] = [
            .init(name: "SIGTERM", number: SIGTERM), .init(name: "SIGHUP", number: SIGHUP),
        ]

        @Test(arguments: stoppingSignals)
        func aLiveSessionStoppedBySignalRecordsTheAnswers(_ stop: StopSignalCase) async throws {
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            let port = try OpenIDProviderMock.freePort()
            let (host, console, printed) = try LiveSessionCommandTests.start([
                "session", "host", "--jurisdiction", "marin", "--facilitator", "Dana Whitfield", "--count", "2",
                "--bind", "127.0.0.1:\(port)", "--data-dir", data.path,
            ])
            defer { if host.isRunning { host.terminate() } }
            var output = try await LiveSessionCommandTests.read(
                printed.fileHandleForReading, until: /with the code ([A-Z0-9]{6})\./)
            let code = try #require(output.firstMatch(of: /with the code ([A-Z0-9]{6})\./)).output.1

            let answered = Flag()
            let participant = Task {
                try await LiveSessionCommandTests.retryingWhileTheServerStarts { logger in
                    try await LiveSessionCommandTests.participant(
                        port: port, code: String(code), console: console, logger: logger
                    ) { answered.set() }
                }
            }
            for _ in 0..<6_000 where !answered.isSet { try await Task.sleep(for: .milliseconds(10)) }
            try #require(answered.isSet, "the participant's answer was acknowledged")
            kill(host.processIdentifier, stop.number)  // the console's input stays open
            _ = try? await participant.value
            output += try await LiveSessionCommandTests.rest(of: printed.fileHandleForReading, after: host)

            #expect(host.terminationReason == .exit && host.terminationStatus == 0, "\(stop.name): \(output)")
            #expect(output.contains("Stopping: the session ends and the answers given are recorded."))
            let records = try await SessionCommandTests.records(in: data)
            #expect(records.count == 1)
            #expect((records.first?["questions"] as? [Any])?.count == 1, "the one question asked")
            let roster = try Self.roster(in: data)
            #expect(roster.contains("Ana Ruiz,,1 of 1,"), "\(roster)")
        }

        @Test(arguments: stoppingSignals)
        func anOfflineRoomStoppedBySignalRecordsAttendance(_ stop: StopSignalCase) async throws {
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            let rosterFile = data.appending(path: "staff.txt")
            try Data("Kim Lee, E-7\n".utf8).write(to: rosterFile)
            let (host, console, printed) = try LiveSessionCommandTests.start([
                "session", "host", "--offline", "--jurisdiction", "marin", "--facilitator", "Dana Whitfield",
                "--roster", rosterFile.path, "--count", "2", "--seed", "4", "--data-dir", data.path,
            ])
            defer { if host.isRunning { host.terminate() } }
            try console.fileHandleForWriting.write(contentsOf: Data("a\n".utf8))
            // The reveal of the first answer is shown after the answer is kept.
            var output = try await LiveSessionCommandTests.read(printed.fileHandleForReading, until: #/(Cites): /#)
            try #require(output.contains("Cites: "), "\(output)")
            kill(host.processIdentifier, stop.number)  // the console's input stays open
            output += try await LiveSessionCommandTests.rest(of: printed.fileHandleForReading, after: host)

            #expect(host.terminationReason == .exit && host.terminationStatus == 0, "\(stop.name): \(output)")
            #expect(output.contains(#/The room discussed 1 of [0-9]+ questions/#), "\(output)")
            let records = try await SessionCommandTests.records(in: data)
            #expect(records.count == 1)
            #expect((records.first?["attendance"] as? [String: Int])?["questionsCovered"] == 1)
            let roster = try Self.roster(in: data)
            #expect(roster.contains("Kim Lee,E-7,as the room,"), "\(roster)")
        }

        /// The session's roster.csv in `data`.
        static func roster(in data: URL) throws -> String {
            let folder = try #require(try SessionCommandTests.sessionFolders(in: data).first)
            return try String(contentsOf: folder.appending(path: "roster.csv"), encoding: .utf8)
        }
    }
}

/// A signal that stops a session, named for the test's name.
struct StopSignalCase: Sendable, CustomTestStringConvertible {
    let name: String
    let number: Int32
    var testDescription: String { name }
}

import Foundation
import Logging
import Synchronization
import TestSupport
import Testing
import WSClient

extension CLISuite {
    /// `session host` with a participant on a real WebSocket: the console counts the answer,
    /// and a session ended before its last question records the answer but passes nobody.
    @Suite
    struct LiveSessionCommandTests {
        @Test func aSessionEndedEarlyRecordsTheAnswersButPassesNobody() async throws {
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            let port = try OpenIDProviderMock.freePort()
            let (host, console, printed) = try Self.start([
                "session", "host", "--jurisdiction", "marin", "--facilitator", "Dana Whitfield", "--count", "2",
                "--bind", "127.0.0.1:\(port)", "--data-dir", data.path,
            ])
            defer { if host.isRunning { host.terminate() } }
            var output = try await Self.read(printed.fileHandleForReading, until: /with the code ([A-Z0-9]{6})\./)
            let code = try #require(output.firstMatch(of: /with the code ([A-Z0-9]{6})\./)).output.1

            let answered = Flag()
            let participant = Task {
                try await Self.retryingWhileTheServerStarts { logger in
                    try await Self.participant(
                        port: port, code: String(code), console: console, logger: logger
                    ) { answered.set() }
                }
            }
            // Patient (up to a minute, returning at once when it happens): the suite runs beside a
            // hundred `train` processes and servers of its own on two cores.
            for _ in 0..<6_000 where !answered.isSet { try await Task.sleep(for: .milliseconds(10)) }
            #expect(answered.isSet, "the participant's answer was acknowledged")
            try console.fileHandleForWriting.write(contentsOf: Data("counts\nend\n".utf8))
            try console.fileHandleForWriting.close()
            _ = try? await participant.value
            output += try await LiveSessionCommandTests.rest(of: printed.fileHandleForReading, after: host)

            #expect(host.terminationStatus == 0)
            #expect(output.contains(#/Question 1 of [0-9]+: 1 of 1 answered · A 1 · B 0/#), "\(output)")
            #expect(output.contains("No certificates: no record completes the training."))
            let list = try await CLIRunner.run(["records", "list", "--format", "json", "--data-dir", data.path])
            let records = try #require(try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [[String: Any]])
            let record = try #require(records.first)
            #expect(records.count == 1)
            #expect((record["mode"] as? [String: Any])?["kind"] as? String == "group-session")
            #expect((record["questions"] as? [Any])?.count == 1, "the one question asked")
            let score = try #require(record["score"] as? [String: Any])
            #expect(score["passed"] as? Bool == false)
            #expect((score["reasons"] as? [String])?.last?.contains("ended after 1 of its") == true)
        }

        /// `--capacity` shows at the start; `remove NAME` at the console takes the participant out:
        /// their page is told, and no record is written for them.
        @Test func theConsoleRemovesAParticipantByName() async throws {
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            let port = try OpenIDProviderMock.freePort()
            let (host, console, printed) = try Self.start([
                "session", "host", "--jurisdiction", "marin", "--facilitator", "Dana Whitfield", "--count", "1",
                "--bind", "127.0.0.1:\(port)", "--data-dir", data.path, "--capacity", "7",
            ])
            defer { if host.isRunning { host.terminate() } }
            var output = try await Self.read(printed.fileHandleForReading, until: /with the code ([A-Z0-9]{6})\./)
            let code = try #require(output.firstMatch(of: /with the code ([A-Z0-9]{6})\./)).output.1
            #expect(output.contains("up to 7 people"))

            let removed = Flag()
            let participant = Task {
                try await Self.retryingWhileTheServerStarts { logger in
                    _ = try await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)/ws", logger: logger) {
                        inbound, outbound, _ in
                        try await outbound.write(.text(#"{"type":"join","code":"\#(code)","name":"Kim Lee"}"#))
                        for try await frame in inbound.messages(maxSize: 1 << 20) {
                            guard case .text(let text) = frame else { continue }
                            if text.contains(#""type":"joined""#) {
                                try console.fileHandleForWriting.write(contentsOf: Data("remove kim lee\n".utf8))
                            }
                            if text.contains("The facilitator removed you from this session.") { removed.set() }
                        }
                    }
                }
            }
            for _ in 0..<6_000 where !removed.isSet { try await Task.sleep(for: .milliseconds(10)) }
            #expect(removed.isSet, "the participant's page was told")
            try console.fileHandleForWriting.write(contentsOf: Data("roster\nend\n".utf8))
            try console.fileHandleForWriting.close()
            _ = try? await participant.value
            output += try await LiveSessionCommandTests.rest(of: printed.fileHandleForReading, after: host)

            #expect(output.contains("Removed 1. Kim Lee"), "\(output)")
            #expect(output.contains("0 joined:"), "\(output)")
            let list = try await CLIRunner.run(["records", "list", "--format", "json", "--data-dir", data.path])
            let records = try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [[String: Any]]
            #expect(records?.isEmpty ?? true, "no record for the removed participant")
        }

        /// Joins as Ana Ruiz, has the console open the question, answers it with option A, calls
        /// `whenAnswered` once the answer is acknowledged, and stays until the session ends;
        /// returns the `ended` message the page gets (JSON text).
        @discardableResult
        static func participant(
            port: Int, code: String, console: Pipe, logger: Logger, whenAnswered: @escaping @Sendable () throws -> Void
        ) async throws -> String {
            let ended = Mutex("{}")
            try await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)/ws", logger: logger) { inbound, outbound, _ in
                try await outbound.write(.text(#"{"type":"join","code":"\#(code)","name":"Ana Ruiz"}"#))
                var token = ""
                for try await frame in inbound.messages(maxSize: 1 << 20) {
                    guard case .text(let text) = frame,
                        let message = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
                    else { continue }
                    switch message["type"] as? String {
                    case "joined":
                        token = message["token"] as? String ?? ""
                        try console.fileHandleForWriting.write(contentsOf: Data("next\n".utf8))
                    case "question":
                        let options = (message["question"] as? [String: Any])?["options"] as? [[String: Any]] ?? []
                        let option = try #require(options.first?["id"] as? String)
                        try await outbound.write(
                            .text(#"{"type":"answer","token":"\#(token)","question":0,"option":"\#(option)"}"#))
                    case "answered":
                        try whenAnswered()
                    case "ended":
                        ended.withLock { $0 = text }
                        return
                    default:
                        break
                    }
                }
            }
            return ended.withLock { $0 }
        }

        /// Starts `csec-trainer` with `arguments`, its console on a pipe and its output read from
        /// another; what it writes to standard error is dropped.
        static func start(_ arguments: [String]) throws -> (Process, console: Pipe, printed: Pipe) {
            let host = Process()
            host.executableURL = CLIRunner.executable
            host.arguments = arguments
            let console = Pipe()
            let printed = Pipe()
            host.standardInput = console
            host.standardOutput = printed
            host.standardError = FileHandle.nullDevice
            try host.run()
            return (host, console, printed)
        }

        /// `body` with a quiet logger, tried again for up to half a minute while the server starts.
        static func retryingWhileTheServerStarts<Value>(_ body: (Logger) async throws -> Value) async throws -> Value {
            var logger = Logger(label: "test")
            logger.logLevel = .critical
            for _ in 1..<300 {
                if let value = try? await body(logger) { return value }
                try await Task.sleep(for: .milliseconds(100))
            }
            return try await body(logger)
        }

        /// What `output` prints until `pattern` appears in it (or it ends).
        static func read(_ output: FileHandle, until pattern: Regex<(Substring, Substring)>) async throws -> String {
            // A regex literal is never changed once made; Regex is not declared Sendable.
            nonisolated(unsafe) let pattern = pattern
            return try await onOwnThread {
                var seen = ""
                while seen.firstMatch(of: pattern) == nil {
                    let chunk = output.availableData
                    guard !chunk.isEmpty else { break }
                    seen += String(decoding: chunk, as: UTF8.self)
                }
                return seen
            }
        }

        /// What `host` prints until it ends, then waits for it to end.
        static func rest(of output: FileHandle, after host: Process) async throws -> String {
            try await onOwnThread {
                let rest = String(decoding: output.readDataToEndOfFile(), as: UTF8.self)
                host.waitUntilExit()
                return rest
            }
        }
    }
}

/// A flag set from one task and read from another.
final class Flag: Sendable {
    private let state = Mutex(false)
    func set() { state.withLock { $0 = true } }
    var isSet: Bool { state.withLock { $0 } }
}

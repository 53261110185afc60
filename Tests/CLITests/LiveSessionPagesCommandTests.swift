import Foundation
import Logging
import Synchronization
import TestSupport
import Testing
import WSClient

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension CLISuite {
    /// `session host`'s pages: the projector shows the join address the console prints, with its
    /// QR code, and a participant's phone is told at the end the outcome their record holds.
    @Suite
    struct LiveSessionPagesCommandTests {
        @Test func theProjectorShowsThePrintedAddressAndThePhoneItsRecordsOutcome() async throws {
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            let port = Int.random(in: 20_000..<40_000)
            let (host, console, printed) = try LiveSessionCommandTests.start([
                "session", "host", "--jurisdiction", "marin", "--facilitator", "Dana Whitfield", "--count", "2",
                "--bind", "127.0.0.1:\(port)", "--data-dir", data.path,
            ])
            defer { if host.isRunning { host.terminate() } }
            var output = try LiveSessionCommandTests.read(printed.fileHandleForReading, until: /with the code ([A-Z0-9]{6})\./)
            let code = try #require(output.firstMatch(of: /with the code ([A-Z0-9]{6})\./)).output.1
            let joinAddress = try #require(output.firstMatch(of: /Join at (\S+) with the code/)).output.1

            let present = try await LiveSessionCommandTests.retryingWhileTheServerStarts { _ in
                try await Self.get("http://127.0.0.1:\(port)/present")
            }
            #expect(present.contains(#"<strong id="address">\#(joinAddress)</strong>"#), "\(present)")
            #expect(try await Self.get("http://127.0.0.1:\(port)/join-qr.svg").hasPrefix("<svg"))

            let ended = try await LiveSessionCommandTests.retryingWhileTheServerStarts { logger in
                try await Self.participant(port: port, code: String(code), console: console, logger: logger)
            }
            try console.fileHandleForWriting.close()
            output += String(decoding: printed.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            host.waitUntilExit()

            let list = try CLIRunner.run(["records", "list", "--format", "json", "--data-dir", data.path])
            let records = try #require(try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [[String: Any]])
            let score = try #require(records.first?["score"] as? [String: Any])
            let outcome = try #require(ended["outcome"] as? [String: Any], "\(ended)")
            #expect(outcome["passed"] as? Bool == score["passed"] as? Bool)
            #expect(outcome["percent"] as? Int == score["percent"] as? Int)
            #expect(outcome["reasons"] as? [String] == score["reasons"] as? [String])
            #expect((outcome["reasons"] as? [String])?.last?.contains("ended after 1 of its") == true, "\(outcome)")
        }

        static func get(_ url: String) async throws -> String {
            let (data, _) = try await URLSession.shared.data(from: try #require(URL(string: url)))
            return String(decoding: data, as: UTF8.self)
        }

        /// Joins as Ana Ruiz, has the console open the first question, answers it with option A,
        /// ends the session, and returns the `ended` message the page gets.
        static func participant(port: Int, code: String, console: Pipe, logger: Logger) async throws -> [String: Any] {
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
                        try console.fileHandleForWriting.write(contentsOf: Data("end\n".utf8))
                    case "ended":
                        ended.withLock { $0 = text }
                        return
                    default:
                        break
                    }
                }
            }
            let text = ended.withLock { $0 }
            return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        }
    }
}

import Foundation
import TestSupport
import Testing

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
            let port = try OpenIDProviderMock.freePort()
            let (host, console, printed) = try LiveSessionCommandTests.start([
                "session", "host", "--jurisdiction", "marin", "--facilitator", "Dana Whitfield", "--count", "2",
                "--bind", "127.0.0.1:\(port)", "--data-dir", data.path,
            ])
            defer { if host.isRunning { host.terminate() } }
            var output = try await LiveSessionCommandTests.read(
                printed.fileHandleForReading, until: /with the code ([A-Z0-9]{6})\./)
            let code = try #require(output.firstMatch(of: /with the code ([A-Z0-9]{6})\./)).output.1
            let joinAddress = try #require(output.firstMatch(of: /Join at (\S+) with the code/)).output.1

            let present = try await LiveSessionCommandTests.retryingWhileTheServerStarts { _ in
                try await Self.get("http://127.0.0.1:\(port)/present")
            }
            #expect(present.contains(#"<strong id="address">\#(joinAddress)</strong>"#), "\(present)")
            #expect(try await Self.get("http://127.0.0.1:\(port)/join-qr.svg").hasPrefix("<svg"))

            let endedText = try await LiveSessionCommandTests.retryingWhileTheServerStarts { logger in
                // Answered: the console ends the session, and the page is told its outcome.
                try await LiveSessionCommandTests.participant(
                    port: port, code: String(code), console: console, logger: logger
                ) { try console.fileHandleForWriting.write(contentsOf: Data("end\n".utf8)) }
            }
            try console.fileHandleForWriting.close()
            output += try await LiveSessionCommandTests.rest(of: printed.fileHandleForReading, after: host)

            let list = try await CLIRunner.run(["records", "list", "--format", "json", "--data-dir", data.path])
            let records = try #require(try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [[String: Any]])
            let score = try #require(records.first?["score"] as? [String: Any])
            let ended = try #require(try JSONSerialization.jsonObject(with: Data(endedText.utf8)) as? [String: Any])
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
    }
}

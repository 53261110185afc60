import Foundation
import TestSupport
import Testing

extension CLISuite {
    /// `session host` serves, takes the facilitator's commands at its console, and at `end`
    /// writes the attendance roster.
    @Suite
    struct SessionCommandTests {
        @Test func hostingPrintsTheJoinAddressAndEndsWithARoster() throws {
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            let port = Int.random(in: 20_000..<40_000)
            let result = try CLIRunner.run(
                [
                    "session", "host", "--jurisdiction", "san-diego", "--facilitator", "Dana Whitfield", "--port", "\(port)",
                    "--data-dir", data.path,
                ],
                input: "roster\nnext\nnext\nreveal\nend\n")
            #expect(result.status == 0, "\(result.error)")
            #expect(result.output.contains("Join at http://127.0.0.1:\(port)/ with the code "))
            #expect(result.output.contains("0 joined"))
            #expect(result.output.contains("Question 1 of"))
            #expect(result.output.contains("Reveal the answer before moving on."))
            #expect(result.output.contains("← the protocol's answer"))
            let sessions = data.appending(path: "sessions")
            let roster = try #require(try FileManager.default.contentsOfDirectory(atPath: sessions.path).first)
            #expect(roster.hasSuffix("-roster.csv"))
            #expect(try String(contentsOf: sessions.appending(path: roster), encoding: .utf8).hasPrefix("name,employee id,"))
        }
    }
}

import ContentLoading
import Foundation
import ProtocolEngine
import TestSupport
import Testing

extension CLISuite {
    /// A first run on a fresh account, and a damaged saved session, do not stop `train`.
    @Suite
    struct FirstRunCommandTests {
        /// Where the data directory comes from on a fresh account whose `~/.local/share` does
        /// not exist: HOME alone, or an XDG_DATA_HOME not yet made.
        struct Account: Sendable, CustomTestStringConvertible {
            var testDescription: String
            var environment: @Sendable (URL) -> [String: String]
            var dataDirectory: @Sendable (URL) -> URL
        }

        static let accounts = [
            Account(
                testDescription: "HOME only", environment: { ["HOME": $0.path, "XDG_DATA_HOME": ""] },
                dataDirectory: { $0.appending(path: ".local/share/csec-trainer") }),
            Account(
                testDescription: "XDG_DATA_HOME not made yet",
                environment: { ["HOME": $0.path, "XDG_DATA_HOME": $0.appending(path: "xdg/data").path] },
                dataDirectory: { $0.appending(path: "xdg/data/csec-trainer") }),
        ]

        @Test(arguments: accounts)
        func trainWorksOnAFreshAccount(_ account: Account) async throws {
            let home = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: home) }
            let content = try Fixtures.trainingContent()
            let jurisdiction = try #require(content.library.jurisdiction("marin"))
            let script = ScriptedAnswers(content: content, jurisdiction: jurisdiction, count: 1, seed: 3)
            let result = try await CLIRunner.run(
                ["train", "--name", "Ana Ruiz", "--jurisdiction", "marin", "--count", "1", "--seed", "3"],
                input: script.letters.joined(separator: "\n") + "\n", environment: account.environment(home))
            #expect(result.status == 0, "\(result.error)")
            let records = account.dataDirectory(home).appending(path: "records")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: records.path)) ?? []
            #expect(names.filter { $0.hasSuffix(".json") }.count == 1, "\(names)")
        }

        @Test func aDamagedSavedSessionDoesNotBlockRestart() async throws {
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            let progress = data.appending(path: "progress/ana-ruiz.json")
            try FileManager.default.createDirectory(
                at: progress.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("{\"format\": 1, \"trainee\": \"Ana".utf8).write(to: progress)
            let content = try Fixtures.trainingContent()
            let jurisdiction = try #require(content.library.jurisdiction("marin"))
            let script = ScriptedAnswers(content: content, jurisdiction: jurisdiction, count: 1, seed: 3)
            let arguments = [
                "train", "--name", "Ana Ruiz", "--jurisdiction", "marin", "--count", "1", "--seed", "3", "--data-dir", data.path,
            ]
            let input = script.letters.joined(separator: "\n") + "\n"

            let refused = try await CLIRunner.run(arguments, input: input)
            #expect(refused.status != 0)
            #expect(refused.error.contains("\(progress.path): error: the saved session is damaged"), "\(refused.error)")

            let restarted = try await CLIRunner.run(arguments + ["--restart"], input: input)
            #expect(restarted.status == 0, "\(restarted.error)")
            #expect(restarted.output.contains("Your completion record is saved and signed"), "\(restarted.output)")
        }
    }
}

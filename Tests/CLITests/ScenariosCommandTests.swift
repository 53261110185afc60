import ContentLoading
import Foundation
import ProtocolEngine
import ScenarioEngine
import TestSupport
import Testing

extension CLISuite {
    struct ScenariosCommandTests {
        static let brokenScenarios = Fixtures.repositoryRoot.appending(
            path: "Tests/ContentLoadingTests/Fixtures/broken-scenarios")

        @Test func lintPassesOnTheBundledBank() async throws {
            let result = try await CLIRunner.run(["scenarios", "lint"])
            #expect(result.status == 0, "\(result.error)")
            #expect(result.output.contains("vignettes checked against 5 protocols: no problems."))
        }

        @Test func lintFailsOnTheBrokenFixturesWithFileLineAndColumn() async throws {
            let result = try await CLIRunner.run(["scenarios", "lint", Self.brokenScenarios.path])
            #expect(result.status == 1)
            for expected in [
                "syntax-error.yaml:7:13: error: This is not valid YAML",
                "unknown-key.yaml:4:1: error: Unknown key `titel`",
                "unknown-indicator.yaml:11:44: error: Unknown indicator 'hotel-key'. Did you mean 'hotel-keys'?",
                "wrong-category.yaml:17:21: error: marin: category: the author expects at-risk, the protocol engine computes suspected-victim",
                "twin.yml:3:5: error: The vignette id 'twin' is also used by",
            ] {
                #expect(result.error.contains(expected), "missing: \(expected)")
            }
            #expect(result.error.contains("14 problems found in 14 files."))
        }

        @Test func explainPrintsTheAnswerKeyOfEveryStage() async throws {
            let result = try await CLIRunner.run([
                "scenarios", "explain", "Scenarios/new-phone-and-hotel-keys.yaml", "--jurisdiction", "marin", "--format", "json",
            ])
            #expect(result.status == 0, "\(result.error)")
            let stages = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
            #expect(stages.count == 2)
        }

        /// `answer`, `scenarios explain` and the session's questions give the same answer for the
        /// same facts: the vignette's stages through `explain`, and the same facts and actions
        /// typed into `answer`, in every county.
        @Test(arguments: Fixtures.jurisdictionIDs)
        func answerAndExplainAgreeOnEveryStageOfAGuardianCase(_ id: String) async throws {
            let file = "Scenarios/v-guardian-father-suspected.yaml"
            let content = try Fixtures.trainingContent()
            let vignette = try #require(content.vignettes.first { $0.id == "v-guardian-father-suspected" })
            let explained = try await CLIRunner.run(["scenarios", "explain", file, "--jurisdiction", id, "--format", "json"])
            #expect(explained.status == 0, "\(explained.error)")
            let stages = try #require(try JSONSerialization.jsonObject(with: Data(explained.output.utf8)) as? [[String: Any]])
            for (index, facts) in vignette.factsByStage.enumerated() {
                var arguments = ["answer", "--jurisdiction", id, "--format", "json"]
                arguments += facts.indicators.sorted().flatMap { ["--indicator", $0.rawValue] }
                arguments += facts.flags.map(\.rawValue).sorted().flatMap { ["--flag", $0] }
                arguments += vignette.stages[index].done.sorted().flatMap { ["--done", $0.rawValue] }
                let answered = try await CLIRunner.run(arguments)
                #expect(answered.status == 0, "\(answered.error)")
                let answer = try #require(try JSONSerialization.jsonObject(with: Data(answered.output.utf8)) as? [String: Any])
                let stage = try #require(stages[index]["answer"] as? [String: Any])
                #expect(
                    NSDictionary(dictionary: answer).isEqual(to: stage), "\(id) stage \(index + 1): answer and explain differ")
            }
        }

        @Test func coveragePassesOnTheBundledBank() async throws {
            let result = try await CLIRunner.run(["scenarios", "coverage"])
            #expect(result.status == 0, "\(result.error)")
            #expect(result.output.contains("every one exercised by"))
        }

        @Test func coverageNamesTheEmptyCellsAndFails() async throws {
            let folder = FileManager.default.temporaryDirectory.appending(path: "coverage-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            try FileManager.default.copyItem(
                at: Fixtures.repositoryRoot.appending(path: "Scenarios/v-guardian-father-suspected.yaml"),
                to: folder.appending(path: "v-guardian-father-suspected.yaml"))
            let result = try await CLIRunner.run(["scenarios", "coverage", folder.path])
            #expect(result.status == 1)
            #expect(result.error.contains("error: no vignette exercises marin / at-risk / reached"))
            #expect(!result.error.contains("marin / suspected-victim / reached"))
            #expect(result.output.contains("NONE"))
        }
    }
}

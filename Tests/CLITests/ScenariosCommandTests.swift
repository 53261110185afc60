import Foundation
import TestSupport
import Testing

extension CLISuite {
    struct ScenariosCommandTests {
        static let brokenScenarios = Fixtures.repositoryRoot.appending(
            path: "Tests/ContentLoadingTests/Fixtures/broken-scenarios")

        @Test func lintPassesOnTheBundledBank() throws {
            let result = try CLIRunner.run(["scenarios", "lint"])
            #expect(result.status == 0, "\(result.error)")
            #expect(result.output.contains("vignettes checked against 5 protocols: no problems."))
        }

        @Test func lintFailsOnTheBrokenFixturesWithFileLineAndColumn() throws {
            let result = try CLIRunner.run(["scenarios", "lint", Self.brokenScenarios.path])
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

        @Test func explainPrintsTheAnswerKeyOfEveryStage() throws {
            let result = try CLIRunner.run([
                "scenarios", "explain", "Scenarios/new-phone-and-hotel-keys.yaml", "--jurisdiction", "marin", "--format", "json",
            ])
            #expect(result.status == 0, "\(result.error)")
            let stages = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
            #expect(stages.count == 2)
        }
    }
}

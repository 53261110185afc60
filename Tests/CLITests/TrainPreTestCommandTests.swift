import ContentLoading
import Foundation
import ProtocolEngine
import ScenarioEngine
import Scoring
import TestSupport
import Testing

extension CLISuite {
    /// `train --pre-test`: a short attempt before the briefing, answered without feedback, its
    /// score not judged; then the training it names, and `records stats` pairing the two.
    @Suite
    struct TrainPreTestCommandTests {
        let data: URL

        init() throws {
            data = try Fixtures.temporaryDirectory()
        }

        /// Marin's pre-test of 2 cases with seed 11, every second answer wrong.
        func preTest(extraInput: String = "") async throws -> (ScriptedAnswers, Program.Result) {
            let content = try Fixtures.trainingContent()
            let jurisdiction = try #require(content.library.jurisdiction("marin"))
            let script = ScriptedAnswers(content: content, jurisdiction: jurisdiction, count: 2, seed: 11, wrongEvery: 2)
            let result = try await CLIRunner.run(
                [
                    "train", "--pre-test", "--briefing", "--name", "Ana Ruiz", "--jurisdiction", "marin", "--count", "2",
                    "--seed", "11", "--employee-id", "E7", "--school", "Redwood High", "--role", "teacher", "--data-dir",
                    data.path,
                ],
                input: extraInput + script.letters.joined(separator: "\n") + "\n")
            return (script, result)
        }

        @Test func answersAreSavedWithoutFeedbackAndTheScoreIsNotJudged() async throws {
            defer { try? FileManager.default.removeItem(at: data) }
            let (script, result) = try await preTest(extraInput: "protocol\n")
            let expected = try Fixtures.trainingContent().policy.score(script.answers)
            #expect(result.status == 0, "\(result.error)")
            #expect(result.output.components(separatedBy: "Answer saved.").count - 1 == script.answers.count)
            for feedback in ["Correct.", "Not quite.", "PASSED", "BEFORE THE QUIZ"] {
                #expect(!result.output.contains(feedback), "\(feedback)")
            }
            #expect(result.output.contains("The protocol is not shown during the pre-test"))
            #expect(result.output.contains("PRE-TEST DONE"))
            #expect(result.output.contains("Total: \(expected.points) of \(expected.possible) points (\(expected.percent)%)"))
            #expect(result.output.contains("is not passed or failed"))
            #expect(
                result.output.contains(
                    "train --name 'Ana Ruiz' --jurisdiction marin --employee-id E7 --school 'Redwood High' --role teacher "
                        + "--data-dir \(data.path)"), "\(result.output)")
            let list = try await CLIRunner.run(["records", "list", "--data-dir", data.path])
            #expect(list.output.contains("pre-test (practice)"), "\(list.output)")
        }

        @Test func theTrainingAfterItIsPairedWithItInTheKnowledgeGain() async throws {
            defer { try? FileManager.default.removeItem(at: data) }
            let (script, pre) = try await preTest()
            #expect(pre.status == 0, "\(pre.error)")
            let training = try await CLIRunner.run(
                [
                    "train", "--name", "Ana Ruiz", "--jurisdiction", "marin", "--employee-id", "E7", "--school", "Redwood High",
                    "--role", "teacher", "--count", "2", "--data-dir", data.path,
                ],
                input: String(repeating: "a\n", count: 40))
            #expect(training.status == 0, "\(training.error)")
            #expect(training.output.contains("Correct.") || training.output.contains("Not quite."))

            let result = try await CLIRunner.run(
                ["records", "stats", "--only", "knowledge-gain", "--format", "json", "--data-dir", data.path])
            #expect(result.status == 0, "\(result.error)")
            let json = Data(result.output.utf8)
            let schema = Fixtures.repositoryRoot.appending(path: "schemas/knowledge-gain.schema.json")
            #expect(try JSONSchemaCheck.errors(in: json, schema: schema) == [])
            let report = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
            #expect(report["format"] as? String == "csec-trainer-knowledge-gain")
            let marin = try #require((report["jurisdictions"] as? [[String: Any]])?.first)
            #expect(marin["preTests"] as? Int == 1 && marin["pairs"] as? Int == 1)
            let overall = try #require(marin["overall"] as? [String: Any])
            let points = script.answers.filter(\.isCorrect).count
            let possible = script.answers.count
            let policy = try Fixtures.trainingContent().policy
            let weighted = script.answers.reduce(into: (0, 0)) { sum, answer in
                let value = policy.points(for: answer.question.kind)
                sum.0 += answer.isCorrect ? value : 0
                sum.1 += value
            }
            #expect(points > 0 && points < possible)
            #expect(abs((overall["meanPre"] as? Double ?? -1) - 100 * Double(weighted.0) / Double(weighted.1)) < 1e-9)
            #expect((marin["bySchool"] as? [[String: Any]])?.map { $0["group"] as? String } == ["Redwood High"])

            let out = data.appending(path: "stats")
            let files = try await CLIRunner.run(["records", "stats", "--out", out.path, "--data-dir", data.path])
            #expect(files.status == 0, "\(files.error)")
            let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
            for suffix in ["svg", "csv", "html"] {
                #expect(names.contains("marin-knowledge-gain.\(suffix)"), "\(names)")
            }
        }

        @Test func resumeAndPreTestTogetherAreRefused() async throws {
            defer { try? FileManager.default.removeItem(at: data) }
            let result = try await CLIRunner.run(["train", "--resume", "--pre-test", "--data-dir", data.path], input: "")
            #expect(result.status != 0)
            #expect(result.error.contains("leave out --pre-test"), "\(result.error)")
        }
    }
}

import ContentLoading
import Foundation
import ProtocolEngine
import Scoring
import TestSupport
import Testing

extension CLISuite {
    @Suite
    struct TrainCommandTests {
        static let jurisdictions = Fixtures.jurisdictionIDs

        @Test(arguments: jurisdictions)
        func aPipedSessionScoresAsTheScoringModuleDoes(_ id: String) async throws {
            let content = try Fixtures.trainingContent()
            let jurisdiction = try #require(content.library.jurisdiction(id))
            let script = ScriptedAnswers(content: content, jurisdiction: jurisdiction, count: 5, seed: 2026)
            let expected = content.policy.score(script.answers)
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }

            let result = try await CLIRunner.run(
                [
                    "train", "--name", "Test Trainee", "--jurisdiction", id, "--count", "5", "--seed", "2026", "--data-dir",
                    data.path,
                ],
                input: script.letters.joined(separator: "\n") + "\n")

            #expect(result.status == 0, "\(result.error)")
            #expect(result.output.contains("Total: \(expected.points) of \(expected.possible) points (\(expected.percent)%)"))
            #expect(result.output.contains(expected.passed ? "  PASSED" : "  NOT PASSED"))
            #expect(result.output.components(separatedBy: "Correct.").count - 1 == script.answers.filter(\.isCorrect).count)
            #expect(
                !FileManager.default.fileExists(atPath: data.appending(path: "progress/test-trainee.json").path),
                "progress kept after finishing")
        }

        @Test func endOfInputSavesAndResumeLosesNoAnswer() async throws {
            let content = try Fixtures.trainingContent()
            let jurisdiction = try #require(content.library.jurisdiction("san-mateo"))
            let script = ScriptedAnswers(content: content, jurisdiction: jurisdiction, count: 4, seed: 5)
            let expected = content.policy.score(script.answers)
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            let half = script.letters.count / 2

            let first = try await CLIRunner.run(
                [
                    "train", "--name", "Ana Ruiz", "--jurisdiction", "san-mateo", "--count", "4", "--seed", "5", "--data-dir",
                    data.path,
                ],
                input: script.letters.prefix(half).joined(separator: "\n") + "\n")
            #expect(first.status == 0, "\(first.error)")
            #expect(first.output.contains("Progress saved: \(half) of \(script.letters.count) questions answered"))

            let again = try await CLIRunner.run(["train", "--name", "Ana Ruiz", "--data-dir", data.path], input: "")
            #expect(again.status != 0)
            #expect(again.error.contains("train --resume --name 'Ana Ruiz' --data-dir \(data.path)"), "\(again.error)")
            #expect(!again.error.contains("Usage:"))

            let second = try await CLIRunner.run(
                ["train", "--resume", "--data-dir", data.path],
                input: script.letters.dropFirst(half).joined(separator: "\n") + "\n")
            #expect(second.status == 0, "\(second.error)")
            #expect(second.output.contains("Trainee: Ana Ruiz."))
            #expect(second.output.contains("Total: \(expected.points) of \(expected.possible) points (\(expected.percent)%)"))
        }

        @Test func asksForTheNameAndJurisdictionWhenNotGiven() async throws {
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            let result = try await CLIRunner.run(
                ["train", "--seed", "1", "--count", "1", "--data-dir", data.path],
                input: "\nKim Lee\nOrange Cuonty\norange county\nquit\n")
            #expect(result.status == 0, "\(result.error)")
            #expect(result.output.contains("Please type your name"))
            #expect(result.output.contains("Your name: Kim Lee"))
            #expect(result.output.contains("“Orange Cuonty” is not one of the county protocols"))
            #expect(result.output.contains("Trainee: Kim Lee. "))
            #expect(result.output.contains("Orange County protocol"))
        }

        @Test func noColorWhenPiped() async throws {
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            let result = try await CLIRunner.run(
                ["train", "--name", "A", "--jurisdiction", "marin", "--count", "1", "--data-dir", data.path], input: "a\n")
            #expect(result.status == 0, "\(result.error)")
            #expect(result.output.contains("Question 1 of"))
            #expect(!result.output.contains("\u{1B}["))
        }
    }
}

import ContentLoading
import Foundation
import ProtocolEngine
import RecordStore
import Records
import ScenarioEngine
import TestSupport
import Testing
import Training

/// `train --targeted-refresher`: after a passed attempt, about five questions of practice drawn
/// first from vignettes the person has not met; refused without a passed attempt.
extension CLISuite {
    @Suite
    struct TrainRefresherCommandTests {
        let data: URL
        let content: TrainingContent
        let marin: JurisdictionProtocol

        init() throws {
            data = try Fixtures.temporaryDirectory()
            content = try Fixtures.trainingContent()
            marin = try #require(content.library.jurisdiction("marin"))
        }

        /// The letters answering every question of `plan` correctly.
        static func correctLetters(_ plan: TrainingPlan) -> String {
            plan.questions.map { question in
                let index = question.options.firstIndex { $0.id == question.correctOptionID }!
                return String(UnicodeScalar(UInt8(65 + index)))
            }
            .joined(separator: "\n") + "\n"
        }

        func stored() throws -> [CompletionRecord] {
            let store = RecordStore(dataDirectory: data, key: try InstallationKey.loadOrCreate(in: data, now: Date()))
            return store.loadAll().records.map(\.record)
        }

        @Test func aRefresherAfterAPassIsShortPracticeOnVignettesNotMet() async throws {
            defer { try? FileManager.default.removeItem(at: data) }
            let course = ScriptedAnswers(content: content, jurisdiction: marin, count: 2, seed: 9, wrongEvery: nil)
            let passed = try await CLIRunner.run(
                [
                    "train", "--name", "Ana Ruiz", "--employee-id", "E-7", "--jurisdiction", "marin", "--count", "2",
                    "--seed", "9", "--data-dir", data.path,
                ],
                input: course.letters.joined(separator: "\n") + "\n")
            #expect(passed.status == 0, "\(passed.error)")

            let refresher = TrainingPlan(
                bank: content.vignettes, jurisdiction: marin, length: .targetedRefresher, seed: 5,
                builder: content.questionBuilder, draw: VignetteDraw(seen: Set(course.plan.vignettes)))
            let result = try await CLIRunner.run(
                [
                    "train", "--targeted-refresher", "--name", "Ana Ruiz", "--employee-id", "E-7", "--seed", "5",
                    "--data-dir", data.path,
                ],
                input: Self.correctLetters(refresher))
            #expect(result.status == 0, "\(result.error)")
            #expect(result.output.contains("REFRESHER DONE") && result.output.contains("Your refresher record is saved"))
            #expect(!result.output.contains("PASSED") && !result.output.contains("Certificates are for"), "\(result.output)")

            // Both may be completed within the same second: the refresher is told by its purpose.
            let records = try stored()
            let last = try #require(records.first { $0.purpose == .refresher })
            #expect(records.count == 2)
            #expect(last.outcome == .practice(.refresher, percent: 100))
            #expect(last.training.jurisdiction == "marin", "the county of the passed attempt")
            let asked = Set(last.questions.map { VignetteID($0.vignette) })
            #expect(asked.isDisjoint(with: course.plan.vignettes), "vignettes not met in the passed attempt")
            #expect(last.questions.count >= SessionLength.targetedRefresherQuestions)
        }

        @Test func withoutAPassedAttemptTheRefresherIsRefused() async throws {
            defer { try? FileManager.default.removeItem(at: data) }
            let result = try await CLIRunner.run(
                ["train", "--targeted-refresher", "--name", "Ana Ruiz", "--data-dir", data.path], input: "")
            #expect(result.status == 1)
            #expect(result.error.contains("Ana Ruiz has no passed training attempt on record"), "\(result.error)")
            #expect(try stored().isEmpty)
        }

        @Test func theRefresherSetsItsOwnLength() async throws {
            defer { try? FileManager.default.removeItem(at: data) }
            let result = try await CLIRunner.run(
                ["train", "--targeted-refresher", "--count", "2", "--name", "Ana Ruiz", "--data-dir", data.path], input: "")
            #expect(result.status != 0)
            #expect(result.error.contains("--targeted-refresher sets its own length"), "\(result.error)")
        }
    }
}

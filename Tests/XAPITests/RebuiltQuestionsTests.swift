import Completion
import ContentLoading
import Foundation
import ProtocolEngine
import Records
import ScenarioEngine
import TestSupport
import Testing
import Training
import XAPI

/// A record made from the loaded protocol gets its questions rebuilt: every choice with its
/// text and the prompt; a record from another protocol, or a question that disagrees with the
/// record, gets the chosen and correct choices only.
struct RebuiltQuestionsTests {
    static let actors = ActorPolicy(
        homePage: URL(string: "https://district.example.org")!, pseudonymSecret: Data("test secret".utf8))

    /// A record of answering `plan` (the first answer wrong), made from `content`.
    static func record(answering plan: TrainingPlan, jurisdiction: JurisdictionProtocol, content: TrainingContent)
        -> CompletionRecord
    {
        let answers = plan.questions.enumerated().map { index, question in
            let wrong = question.options.first { $0.id != question.correctOptionID }?.id ?? question.correctOptionID
            let chosen = index == 0 ? wrong : question.correctOptionID
            return QuestionResult(
                questionID: question.id, kind: question.kind.rawValue, vignette: question.vignette.id.rawValue,
                stage: question.stage + 1, chosenOption: chosen.rawValue, correctOption: question.correctOptionID.rawValue,
                points: chosen == question.correctOptionID ? 1 : 0, possiblePoints: 1)
        }
        let points = answers.map(\.points).reduce(0, +)
        let start = Timestamp("2026-09-15T10:00:00-07:00")!
        return CompletionRecord(
            id: UUID(), trainee: Trainee(name: "Ana Ruiz", employeeID: "E-7"),
            training: TrainingModule(jurisdiction, training: content, seed: plan.seed), mode: .selfPaced, startedAt: start,
            completedAt: Timestamp("2026-09-15T10:20:00-07:00")!, activeSeconds: 1100, questions: answers,
            score: ScoreSummary(
                points: points, possiblePoints: answers.count, percent: points * 100 / answers.count, passed: true,
                reasons: [], policyID: "default", policyVersion: 1))
    }

    @Test(arguments: Fixtures.jurisdictionIDs)
    func theSameContentGivesEveryChoice(_ jurisdictionID: String) async throws {
        let content = try Fixtures.trainingContent()
        let jurisdiction = try Fixtures.jurisdiction(jurisdictionID)
        let plan = TrainingPlan(
            bank: content.vignettes, jurisdiction: jurisdiction, count: 2, seed: 2026, builder: content.questionBuilder)
        let record = Self.record(answering: plan, jurisdiction: jurisdiction, content: content)
        let data = try TemporaryData()
        defer { data.remove() }
        let export = StatementExport(records: data.records, actors: Self.actors, content: content)
        let answered = export.statements(of: record).filter { $0.verb == .answered }
        #expect(answered.count == plan.questions.count)
        for (statement, question) in zip(answered, plan.questions) {
            let definition = try #require(statement.object.definition)
            #expect(definition.choices?.map(\.id) == question.options.map(\.id.rawValue))
            #expect(definition.choices?.map { $0.description["en-US"] } == question.options.map(\.text))
            #expect(definition.description == ["en-US": question.prompt])
        }
    }

    /// Other content (another protocol version): the response and the correct response, and no
    /// list of choices, which would have to name every choice of the question as it was asked.
    @Test func otherContentGivesTheResponsesWithoutAPartialListOfChoices() throws {
        let content = try Fixtures.trainingContent()
        let jurisdiction = try Fixtures.jurisdiction("marin")
        let plan = TrainingPlan(
            bank: content.vignettes, jurisdiction: jurisdiction, count: 1, seed: 7, builder: content.questionBuilder)
        var record = Self.record(answering: plan, jurisdiction: jurisdiction, content: content)
        record.training.protocolHash = String(repeating: "0", count: 64)
        let data = try TemporaryData()
        defer { data.remove() }
        let export = StatementExport(records: data.records, actors: Self.actors, content: content)
        let first = try #require(export.statements(of: record).first { $0.verb == .answered })
        #expect(first.object.definition?.choices == nil)
        #expect(first.object.definition?.description == nil)
        #expect(first.object.definition?.correctResponsesPattern == [plan.questions[0].correctOptionID.rawValue])
        #expect(first.result?.response == record.questions[0].chosenOption)
    }

    @Test func aQuestionThatDisagreesWithTheRecordIsNotUsed() throws {
        let content = try Fixtures.trainingContent()
        let jurisdiction = try Fixtures.jurisdiction("marin")
        let plan = TrainingPlan(
            bank: content.vignettes, jurisdiction: jurisdiction, count: 1, seed: 7, builder: content.questionBuilder)
        var record = Self.record(answering: plan, jurisdiction: jurisdiction, content: content)
        record.questions[0].correctOption = "step:somewhere-else:9"
        let statements = RecordStatements(actors: Self.actors).statements(for: record, questions: plan.questions)
        let first = try #require(statements.first { $0.verb == .answered })
        #expect(first.object.definition?.choices == nil)
        #expect(first.object.definition?.description == nil)
    }
}

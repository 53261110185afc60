import ContentLoading
import Foundation
import ProtocolEngine
import Records
import ScenarioEngine
import Scoring
import TestSupport
import Training

/// Completion records of a real training plan (Marin's protocol, the bundled vignettes),
/// answered by simulated trainees with planted properties: each question right with a given
/// chance, else a wrong option drawn at random, unless a test plants which one.
struct PlantedRecords {
    let content: TrainingContent
    let jurisdiction: JurisdictionProtocol
    let plan: TrainingPlan

    init(jurisdiction id: String = "marin", count: Int = 6, seed: UInt64 = 2026) throws {
        content = try Fixtures.trainingContent()
        jurisdiction = try Fixtures.jurisdiction(id)
        plan = TrainingPlan(
            bank: content.vignettes, jurisdiction: jurisdiction, count: count, seed: seed, builder: content.questionBuilder)
    }

    /// One record: `choose` gives the option chosen for each question (by index).
    func record(
        school: String = "Redwood High", role: String = "teacher", attendance: Bool = false,
        choose: (Int, Question) -> OptionID
    ) -> CompletionRecord {
        let answers = plan.questions.enumerated().map { AnsweredQuestion(question: $1, chosen: choose($0, $1)) }
        let report = content.policy.score(answers)
        let training = TrainingModule(
            module: "csec-response-protocol", jurisdiction: jurisdiction.id.rawValue, jurisdictionName: jurisdiction.name,
            protocolVersion: "test", protocolHash: String(repeating: "a", count: 64),
            scenarioBankHash: String(repeating: "b", count: 64), seed: 2026)
        let now = Timestamp(Date(timeIntervalSince1970: 1_790_000_000), utcOffsetSeconds: 0)
        let trainee = Trainee(name: "Trainee", school: school, role: role)
        if attendance {
            return CompletionRecord(
                id: UUID(), attendee: trainee, training: training, session: "room", facilitator: "Dana Whitfield",
                startedAt: now, completedAt: now, roomAnswers: answers, planned: answers.count, policy: content.policy)
        }
        return CompletionRecord(
            id: UUID(), trainee: trainee, training: training, mode: .selfPaced, startedAt: now, completedAt: now,
            activeSeconds: 600, answers: answers, score: ScoreSummary(report), policy: content.policy)
    }

    /// `count` trainees who get each question right with `chance(index)`, else pick a wrong
    /// option at random.
    func records(
        _ count: Int, seed: UInt64, school: String = "Redwood High", chance: (Int) -> Double
    ) -> [CompletionRecord] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            record(school: school) { index, question in
                Self.answer(question, right: Double.random(in: 0..<1, using: &generator) < chance(index), using: &generator)
            }
        }
    }

    static func answer(_ question: Question, right: Bool, using generator: inout SplitMix64) -> OptionID {
        guard !right else { return question.correctOptionID }
        return question.options.filter { $0.id != question.correctOptionID }.randomElement(using: &generator)!.id
    }

    /// The analysis with this content.
    var analysis: ItemAnalysisFixture { ItemAnalysisFixture(content: content) }
}

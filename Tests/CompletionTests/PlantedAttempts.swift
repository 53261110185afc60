import Completion
import ContentLoading
import Foundation
import ProtocolEngine
import Records
import ScenarioEngine
import Scoring
import TestSupport
import Training

/// Passed attempts with planted mistakes: a real plan's questions, answered correctly except
/// where `wrong` says which option to choose instead.
struct PlantedAttempts {
    let content: TrainingContent
    let jurisdiction: JurisdictionProtocol

    var catalog: OptionCatalog { OptionCatalog(jurisdiction: jurisdiction, mistakes: content.mistakes) }

    func plan(seed: UInt64, length: SessionLength = .course) -> TrainingPlan {
        TrainingPlan(
            bank: content.vignettes, jurisdiction: jurisdiction, length: length, seed: seed, builder: content.questionBuilder)
    }

    /// The category a category question's correct option names (nil: does not meet criteria).
    func correctCategory(of question: Question) -> CategoryID?? {
        guard question.kind == .category, case .category(let category) = question.option(question.correctOptionID)?.origin
        else { return .none }
        return .some(category)
    }

    /// The record of `plan` answered by `person`, `wrong` choosing the option for each question
    /// (nil: the correct one), completed at `completed`, passed unless said.
    func record(
        _ plan: TrainingPlan, person: Trainee, completed: String = "2026-09-15T10:00:00-07:00", passed: Bool = true,
        purpose: AttemptPurpose = .training, wrong: (Question) -> OptionID?
    ) -> CompletionRecord {
        let answers = plan.questions.map { AnsweredQuestion(question: $0, chosen: wrong($0) ?? $0.correctOptionID) }
        let completedAt = Timestamp(completed)!
        let score = ScoreSummary(content.policy.score(answers))
        return CompletionRecord(
            id: UUID(), trainee: person,
            training: TrainingModule(
                module: "csec-response-protocol", jurisdiction: jurisdiction.id.rawValue, jurisdictionName: jurisdiction.name,
                protocolVersion: "test", protocolHash: String(repeating: "a", count: 64),
                scenarioBankHash: String(repeating: "b", count: 64), seed: plan.seed),
            mode: .selfPaced, startedAt: completedAt, completedAt: completedAt, activeSeconds: 600, answers: answers,
            score: ScoreSummary(
                points: score.points, possiblePoints: score.possiblePoints, percent: score.percent, passed: passed,
                reasons: score.reasons, policyID: score.policyID, policyVersion: score.policyVersion),
            policy: content.policy, purpose: purpose)
    }

    /// A wrong option of `question` that is not a catalogued mistake.
    static func plainWrong(_ question: Question) -> OptionID? {
        question.options.first { $0.id != question.correctOptionID && $0.mistake == nil }?.id
    }
}

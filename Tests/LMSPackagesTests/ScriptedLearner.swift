import ScenarioEngine
import Scoring
import Testing
import Training

/// A learner who answers a plan's questions by a rule, and what the Scoring module makes of it.
enum ScriptedLearner: String, Sendable, CaseIterable, CustomTestStringConvertible {
    /// Chooses the engine's correct option every time.
    case passes
    /// Chooses a wrong option that is not a critical mistake wherever there is one.
    case failsByScore
    /// Answers every question right but one, where it chooses a critical mistake: a score at or
    /// above the pass mark, and a fail.
    case failsByCriticalMistake

    var testDescription: String { rawValue }

    /// The index of the option chosen for each question of `plan`, in order.
    func choices(for plan: TrainingPlan) -> [Int] {
        let critical = plan.questions.firstIndex { Self.criticalOption(of: $0) != nil }
        return plan.questions.enumerated().map { number, question in
            let correct = question.options.firstIndex { $0.id == question.correctOptionID } ?? 0
            switch self {
            case .passes:
                return correct
            case .failsByScore:
                return question.options.indices.first { $0 != correct && question.options[$0].mistake?.critical != true }
                    ?? correct
            case .failsByCriticalMistake:
                return number == critical ? Self.criticalOption(of: question) ?? correct : correct
            }
        }
    }

    /// The Scoring module's report on these choices.
    func report(for plan: TrainingPlan, policy: ScoringPolicy) -> ScoreReport {
        policy.score(
            zip(plan.questions, choices(for: plan)).map { AnsweredQuestion(question: $0, chosen: $0.options[$1].id) })
    }

    static func criticalOption(of question: Question) -> Int? {
        question.options.firstIndex { $0.mistake?.critical == true && $0.id != question.correctOptionID }
    }
}

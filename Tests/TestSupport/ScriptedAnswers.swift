import ContentLoading
import ProtocolEngine
import ScenarioEngine
import Scoring
import Training

/// The plan a `train` run will ask, and a script of answers for it: right except every third
/// question, where the first wrong option is chosen.
public struct ScriptedAnswers {
    public var plan: TrainingPlan
    public var answers: [AnsweredQuestion]

    public init(content: TrainingContent, jurisdiction: JurisdictionProtocol, count: Int, seed: UInt64) {
        plan = TrainingPlan(
            bank: content.vignettes, jurisdiction: jurisdiction, count: count, seed: seed, builder: content.questionBuilder)
        answers = plan.questions.enumerated().map { index, question in
            let wrong = question.options.first { $0.id != question.correctOptionID }!.id
            return AnsweredQuestion(question: question, chosen: index % 3 == 2 ? wrong : question.correctOptionID)
        }
    }

    /// The letter typed for each answer (A, B, C …).
    public var letters: [String] {
        answers.map { answer in
            let index = answer.question.options.firstIndex { $0.id == answer.chosen }!
            return String(UnicodeScalar(UInt8(65 + index)))
        }
    }
}

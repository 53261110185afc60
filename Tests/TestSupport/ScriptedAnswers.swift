import ContentLoading
import ProtocolEngine
import ScenarioEngine
import Scoring
import Training

/// The plan a `train` run will ask, and a script of answers for it: right except every
/// `wrongEvery`th question (every third by default; nil for all right), where the first wrong
/// option is chosen.
public struct ScriptedAnswers {
    public var plan: TrainingPlan
    public var answers: [AnsweredQuestion]

    public init(content: TrainingContent, jurisdiction: JurisdictionProtocol, count: Int, seed: UInt64, wrongEvery: Int? = 3) {
        plan = TrainingPlan(
            bank: content.vignettes, jurisdiction: jurisdiction, count: count, seed: seed, builder: content.questionBuilder)
        answers = plan.questions.enumerated().map { index, question in
            let wrong = question.options.first { $0.id != question.correctOptionID }!.id
            let isWrong = wrongEvery.map { index % $0 == $0 - 1 } ?? false
            return AnsweredQuestion(question: question, chosen: isWrong ? wrong : question.correctOptionID)
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

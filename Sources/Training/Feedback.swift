import ProtocolEngine
import ScenarioEngine
import Scoring

/// What to tell the trainee after an answer: right or wrong, the correct answer, the protocol
/// step with its citation, and the engine's reasons.
public struct Feedback: Sendable, Equatable {
    public var isCorrect: Bool
    public var chosen: AnswerOption
    public var correct: AnswerOption
    public var explanation: Explanation
    /// Why the chosen option is a common mistake, when it is one.
    public var mistake: String?
    public var isCritical: Bool
    /// Why the chosen option is wrong for this case (nil when it is right).
    public var whyWrong: String?
    /// Whether this answer is the attempt's first critical mistake: the attempt will not pass,
    /// and the trainee may finish for practice or stop.
    public var attemptCannotPass: Bool

    public init(_ answered: AnsweredQuestion, firstCriticalMistake: Bool = false) {
        let question = answered.question
        isCorrect = answered.isCorrect
        chosen = question.option(answered.chosen)!
        correct = question.correctOption!
        explanation = question.explanation
        mistake = chosen.mistake?.why
        isCritical = chosen.mistake?.critical ?? false
        whyWrong = answered.isCorrect ? nil : question.explanation.whyWrong[answered.chosen]
        attemptCannotPass = firstCriticalMistake
    }
}

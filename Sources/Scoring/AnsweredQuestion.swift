import ScenarioEngine

/// A question with the option the trainee chose.
public struct AnsweredQuestion: Sendable, Equatable {
    public var question: Question
    public var chosen: OptionID

    public init(question: Question, chosen: OptionID) {
        self.question = question
        self.chosen = chosen
    }

    public var isCorrect: Bool { chosen == question.correctOptionID }

    /// The critical mistake chosen, if any.
    public var criticalMistake: AnswerOption? {
        guard let option = question.option(chosen), let mistake = option.mistake, mistake.critical else { return nil }
        return option
    }
}

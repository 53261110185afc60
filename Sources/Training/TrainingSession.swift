import ProtocolEngine
import ScenarioEngine
import Scoring

/// A self-paced training session as a value-type state machine: each input returns the effects
/// the terminal (or a test) should carry out. It prints nothing and saves nothing itself.
public struct TrainingSession: Sendable {
    public let plan: TrainingPlan
    public let policy: ScoringPolicy
    public private(set) var answers: [AnsweredQuestion] = []

    public init(plan: TrainingPlan, policy: ScoringPolicy) {
        self.plan = plan
        self.policy = policy
    }

    public enum Input: Sendable, Equatable {
        case choose(OptionID)
        case help
        case repeatQuestion
        case showProtocol
        case quit
    }

    public enum Effect: Sendable, Equatable {
        /// Show the vignette before its first question: the whole story so far when `full`,
        /// else only what is new at this stage.
        case presentStory(Vignette, stage: Int, number: Int, of: Int, full: Bool)
        case ask(Question, number: Int, of: Int)
        case feedback(Feedback)
        case showHelp
        case showProtocol(JurisdictionID)
        /// Save progress now: one more answer is recorded.
        case saveProgress
        case finished(ScoreReport)
        /// The trainee stopped; progress is saved and can be resumed.
        case paused(answered: Int, of: Int)
    }

    /// The answers so far, as saved in progress files.
    public var savedAnswers: [SavedAnswer] {
        answers.map { SavedAnswer(questionID: $0.question.id, optionID: $0.chosen) }
    }

    public var current: Question? { answers.count < plan.questions.count ? plan.questions[answers.count] : nil }
    public var isFinished: Bool { current == nil }

    /// The effects to begin (or resume) with: the story and the current question.
    public func start() -> [Effect] {
        guard let question = current else { return [.finished(policy.score(answers))] }
        return present(question, story: .full)
    }

    public mutating func handle(_ input: Input) -> [Effect] {
        guard let question = current else { return [.finished(policy.score(answers))] }
        switch input {
        case .help:
            return [.showHelp]
        case .showProtocol:
            return [.showProtocol(plan.jurisdiction)]
        case .repeatQuestion:
            return present(question, story: .full)
        case .quit:
            return [.paused(answered: answers.count, of: plan.questions.count)]
        case .choose(let option):
            guard question.option(option) != nil else { return [.showHelp] }
            let answered = AnsweredQuestion(question: question, chosen: option)
            let firstCritical =
                policy.criticalMistakesFail && answered.criticalMistake != nil
                && !answers.contains { $0.criticalMistake != nil }
            answers.append(answered)
            // Saved before it is judged on screen: an answer the trainee saw judged is never lost.
            var effects: [Effect] = [.saveProgress, .feedback(Feedback(answered, firstCriticalMistake: firstCritical))]
            if let next = current {
                let isNewStage = next.vignette.id != question.vignette.id || next.stage != question.stage
                effects += present(next, story: isNewStage ? .newPart : StoryPart.none)
            } else {
                effects.append(.finished(policy.score(answers)))
            }
            return effects
        }
    }

    /// Replays saved answers (by question id and option id). Fails if they do not fit this
    /// plan, which means the content or the seed changed since they were saved.
    public mutating func replay(_ saved: [SavedAnswer]) throws(ResumeError) {
        for answer in saved {
            guard let question = current, question.id == answer.questionID, question.option(answer.optionID) != nil else {
                throw ResumeError.planChanged(questionID: answer.questionID)
            }
            answers.append(AnsweredQuestion(question: question, chosen: answer.optionID))
        }
    }

    private enum StoryPart { case full, newPart, none }

    private func present(_ question: Question, story: StoryPart) -> [Effect] {
        let storyNumber = (plan.vignettes.firstIndex(of: question.vignette.id) ?? 0) + 1
        let storyEffect = Effect.presentStory(
            question.vignette, stage: question.stage, number: storyNumber, of: plan.vignettes.count, full: story == .full)
        return (story == .none ? [] : [storyEffect]) + [.ask(question, number: answers.count + 1, of: plan.questions.count)]
    }
}

/// An answer as saved in progress files.
public struct SavedAnswer: Sendable, Codable, Equatable {
    public var questionID: String
    public var optionID: OptionID

    public init(questionID: String, optionID: OptionID) {
        self.questionID = questionID
        self.optionID = optionID
    }
}

public enum ResumeError: Error, Sendable, Equatable, CustomStringConvertible {
    case planChanged(questionID: String)

    public var description: String {
        switch self {
        case .planChanged(let id):
            "The saved session does not match the current content (question \(id) has changed or gone). "
                + "The vignettes or protocols were updated since it was saved; start a new session."
        }
    }
}

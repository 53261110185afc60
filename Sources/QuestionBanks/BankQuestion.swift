import ProtocolEngine
import ScenarioEngine

/// One two-part question (the situation category, or the correct next step, at one stage of a
/// vignette) as a question bank holds it: the story so far, the prompt, the options in the
/// engine's order, and what to tell a trainee after each option.
public struct BankQuestion: Sendable, Codable, Equatable {
    /// The engine's question id, `vignette-id#stage/kind`.
    public var id: String
    public var kind: QuestionKind
    /// The vignette's title, the stage and what is asked.
    public var title: String
    /// The story up to this stage, one paragraph each.
    public var story: [String]
    public var prompt: String
    public var options: [BankOption]
    /// What every trainee sees after answering: the answer, its definition or protocol step,
    /// where it is printed, and the engine's reasons.
    public var generalFeedback: [String]

    public init(
        id: String, kind: QuestionKind, title: String, story: [String], prompt: String, options: [BankOption],
        generalFeedback: [String]
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.story = story
        self.prompt = prompt
        self.options = options
        self.generalFeedback = generalFeedback
    }

    /// The bank's copy of an engine question: the correct option is the one the engine computed.
    public init(_ question: Question) {
        let feedback = BankFeedback(question)
        self.init(
            id: question.id, kind: question.kind,
            title: "\(question.vignette.title), stage \(question.stage + 1): \(question.kind.name)",
            story: Self.story(of: question.vignette, upTo: question.stage), prompt: question.prompt,
            options: question.options.map { option in
                BankOption(
                    id: option.id.rawValue, text: option.text, isCorrect: option.id == question.correctOptionID,
                    feedback: feedback.onChoosing(option))
            },
            generalFeedback: feedback.general)
    }

    /// The options that are correct (exactly one for an engine question).
    public var correctOptions: [BankOption] { options.filter(\.isCorrect) }

    /// The vignette's narrative and each stage's narrative up to `stage`, split into paragraphs
    /// at blank lines, each paragraph's lines joined.
    static func story(of vignette: Vignette, upTo stage: Int) -> [String] {
        let parts = [vignette.narrative] + vignette.stages.prefix(stage + 1).compactMap(\.narrative)
        return parts.flatMap { part in
            part.split(separator: "\n", omittingEmptySubsequences: false)
                .split(whereSeparator: { $0.allSatisfy(\.isWhitespace) })
                .map { lines in lines.map { $0.trimmingWhitespace }.joined(separator: " ") }
        }
    }
}

/// One option of a bank question.
public struct BankOption: Sendable, Codable, Equatable {
    /// The engine's option id (`step:marin:3`, `mistake:promise-secrecy`).
    public var id: String
    public var text: String
    public var isCorrect: Bool
    /// What to tell a trainee who chose it: why it is right, or why it is wrong here.
    public var feedback: String

    public init(id: String, text: String, isCorrect: Bool, feedback: String) {
        self.id = id
        self.text = text
        self.isCorrect = isCorrect
        self.feedback = feedback
    }
}

extension Substring {
    var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}

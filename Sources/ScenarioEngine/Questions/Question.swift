import ProtocolEngine

/// What a question asks.
public enum QuestionKind: String, Sendable, Codable, Equatable, Hashable, CaseIterable {
    /// Which of the county's situation categories applies (or none).
    case category
    /// What the correct next step is.
    case nextStep = "next-step"

    public var name: String {
        switch self {
        case .category: "Situation category"
        case .nextStep: "Next step"
        }
    }
}

/// One multiple-choice question about a vignette stage under a jurisdiction. Its correct
/// option is what the protocol engine computed; nothing is typed per question.
public struct Question: Sendable, Equatable, Identifiable {
    /// `vignette-id#stage/kind`, stable across runs.
    public var id: String
    public var kind: QuestionKind
    public var vignette: Vignette
    public var stage: Int
    public var jurisdiction: JurisdictionID
    public var prompt: String
    public var options: [AnswerOption]
    public var correctOptionID: OptionID
    public var explanation: Explanation

    public init(
        id: String, kind: QuestionKind, vignette: Vignette, stage: Int, jurisdiction: JurisdictionID, prompt: String,
        options: [AnswerOption], correctOptionID: OptionID, explanation: Explanation
    ) {
        self.id = id
        self.kind = kind
        self.vignette = vignette
        self.stage = stage
        self.jurisdiction = jurisdiction
        self.prompt = prompt
        self.options = options
        self.correctOptionID = correctOptionID
        self.explanation = explanation
    }

    public var correctOption: AnswerOption? { options.first { $0.id == correctOptionID } }

    public func option(_ id: OptionID) -> AnswerOption? { options.first { $0.id == id } }
}

/// Why the correct answer is correct, and why each other option is wrong for this case: the
/// protocol's words, its citation and the engine's reasons.
public struct Explanation: Sendable, Codable, Equatable {
    public var answer: String
    /// The step, for a next-step question.
    public var citation: Citation?
    /// Where the answer is printed, as a person looks it up: the document, the category's
    /// heading and, for a step, its printed label.
    public var source: String
    public var reasons: [String]
    /// For a category question: what the situation means.
    public var definition: String?
    /// For every wrong option: why it is wrong in this case.
    public var whyWrong: [OptionID: String]

    public init(
        answer: String, citation: Citation?, source: String? = nil, reasons: [String], definition: String? = nil,
        whyWrong: [OptionID: String] = [:]
    ) {
        self.answer = answer
        self.citation = citation
        self.source = source ?? citation?.description ?? ""
        self.reasons = reasons
        self.definition = definition
        self.whyWrong = whyWrong
    }
}

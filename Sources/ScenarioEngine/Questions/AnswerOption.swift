import ProtocolEngine

/// The id of an answer option, stable across runs (`step:suspected-victim:4`, `mistake:promise-secrecy`).
public typealias OptionID = Identifier<AnswerOption>

/// One choice of a question, and where it comes from.
public struct AnswerOption: Sendable, Codable, Equatable, Identifiable {
    public var id: OptionID
    public var text: String
    public var origin: Origin
    /// The actions this option stands for; empty for categories, "complete" and mistakes.
    public var actions: [ActionID]

    public enum Origin: Sendable, Codable, Equatable {
        /// A category, or nil for "does not meet protocol criteria".
        case category(CategoryID?)
        case step(category: CategoryID, number: Int)
        case alternative(category: CategoryID, number: Int)
        case emergency
        case complete
        case mistake(MistakeID, critical: Bool, why: String)
    }

    public init(id: OptionID, text: String, origin: Origin, actions: [ActionID] = []) {
        self.id = id
        self.text = text
        self.origin = origin
        self.actions = actions
    }

    /// The common mistake behind this option, if it is one.
    public var mistake: (id: MistakeID, critical: Bool, why: String)? {
        if case .mistake(let id, let critical, let why) = origin { return (id, critical, why) }
        return nil
    }
}

extension AnswerOption {
    static func category(_ category: SituationCategory) -> AnswerOption {
        AnswerOption(id: OptionID("category:\(category.id)"), text: category.name, origin: .category(category.id))
    }

    static let doesNotMeetCriteria = AnswerOption(
        id: "category:none", text: Classification.doesNotMeetCriteriaName, origin: .category(nil))

    static func step(_ step: ProtocolStep, in category: SituationCategory) -> AnswerOption {
        AnswerOption(
            id: OptionID("step:\(category.id):\(step.number)"), text: step.wording,
            origin: .step(category: category.id, number: step.number), actions: step.actions)
    }

    /// What is still missing of a step half done: the step's own option, naming only the rest.
    static func remainder(of step: ProtocolStep, in category: SituationCategory, _ decision: NextStepDecision)
        -> AnswerOption
    {
        AnswerOption(
            id: OptionID("step:\(category.id):\(step.number)"), text: decision.wording,
            origin: .step(category: category.id, number: step.number), actions: decision.actions)
    }

    static func alternative(_ alternative: AlternativeAction, of step: ProtocolStep, in category: SituationCategory)
        -> AnswerOption
    {
        AnswerOption(
            id: OptionID("alternative:\(category.id):\(step.number)"), text: alternative.wording,
            origin: .alternative(category: category.id, number: step.number), actions: alternative.actions)
    }

    static func emergency(_ rule: EmergencyRule) -> AnswerOption {
        AnswerOption(id: "emergency", text: rule.wording, origin: .emergency, actions: rule.actions)
    }

    static let complete = AnswerOption(
        id: "complete", text: "Protocol complete: every step is done or does not apply.", origin: .complete)

    static func mistake(_ mistake: CommonMistake) -> AnswerOption {
        AnswerOption(
            id: OptionID("mistake:\(mistake.id)"), text: mistake.wording,
            origin: .mistake(mistake.id, critical: mistake.critical, why: mistake.why))
    }
}

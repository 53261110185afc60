/// The next thing to do under a category, with the steps passed over and why.
public struct NextStepDecision: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, Equatable {
        /// Follow the jurisdiction's emergency rule before any step.
        case emergency
        /// Do the step as printed.
        case step
        /// Do the step's printed alternative ("unless …, in which case …").
        case alternative
        /// Every step is done or does not apply.
        case complete
    }

    public var kind: Kind
    /// The step to do (for `step` and `alternative`).
    public var step: ProtocolStep?
    public var citation: Citation?
    /// What to do now, in words.
    public var wording: String
    /// What to do now, from the shared vocabulary.
    public var actions: [ActionID]
    /// Steps passed over because their condition does not hold.
    public var skipped: [SkippedStep]
    public var reasons: [String]
    /// For a step half done: the actions of the step already done; `actions` and `wording`
    /// name only what is still missing.
    public var alreadyDone: [ActionID]

    public init(
        kind: Kind, step: ProtocolStep? = nil, citation: Citation? = nil, wording: String, actions: [ActionID],
        skipped: [SkippedStep], reasons: [String], alreadyDone: [ActionID] = []
    ) {
        self.kind = kind
        self.step = step
        self.citation = citation
        self.wording = wording
        self.actions = actions
        self.skipped = skipped
        self.reasons = reasons
        self.alreadyDone = alreadyDone
    }

    /// Whether part of the step is done and the rest is the answer.
    public var isPartial: Bool { !alreadyDone.isEmpty }

    /// Shown when every step is done or does not apply.
    public static let completeWording = "Protocol complete"
}

/// A step passed over because its condition does not hold.
public struct SkippedStep: Sendable, Codable, Equatable {
    public var number: Int
    public var citation: Citation
    public var reason: String

    public init(number: Int, citation: Citation, reason: String) {
        self.number = number
        self.citation = citation
        self.reason = reason
    }
}

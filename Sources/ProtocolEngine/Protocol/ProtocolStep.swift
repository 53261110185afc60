/// One numbered step of a category.
public struct ProtocolStep: Sendable, Codable, Equatable {
    public var number: Int
    /// The step's wording, close to the printed text.
    public var wording: String
    /// Who does it, when the protocol names someone.
    public var actor: String?
    /// What the step asks, from the shared vocabulary.
    public var actions: [ActionID]
    /// The step applies only when this holds ("if appropriate …", "if … is suspected").
    public var condition: StepCondition?
    /// An alternative the protocol prints for a named exception ("unless …, in which case …").
    public var exception: StepException?
    public var contacts: [ContactID]
    /// A reading chosen where the extracted text was scrambled.
    public var reading: String?
    /// The printed label, when it is not the step's number (two boxes printed "STEP 4").
    public var label: String?
    /// The step's own words for each of its actions, for a step that asks several: shown
    /// when some are done and the rest are still due.
    public var parts: [ActionID: String]

    public init(
        number: Int, wording: String, actor: String? = nil, actions: [ActionID],
        condition: StepCondition? = nil, exception: StepException? = nil, contacts: [ContactID] = [],
        reading: String? = nil, label: String? = nil, parts: [ActionID: String] = [:]
    ) {
        self.number = number
        self.wording = wording
        self.actor = actor
        self.actions = actions
        self.condition = condition
        self.exception = exception
        self.contacts = contacts
        self.reading = reading
        self.label = label
        self.parts = parts
    }

    /// The label a person reads: "4", or the printed label when it differs.
    public var displayLabel: String { label ?? String(number) }
}

/// "unless <condition>, in which case <instead>": an alternative action, not a skip.
public struct StepException: Sendable, Codable, Equatable {
    public var condition: StepCondition
    public var instead: AlternativeAction

    public init(condition: StepCondition, instead: AlternativeAction) {
        self.condition = condition
        self.instead = instead
    }
}

/// What to do instead when a step's exception holds.
public struct AlternativeAction: Sendable, Codable, Equatable {
    public var wording: String
    public var actions: [ActionID]
    public var contacts: [ContactID]

    public init(wording: String, actions: [ActionID], contacts: [ContactID] = []) {
        self.wording = wording
        self.actions = actions
        self.contacts = contacts
    }
}

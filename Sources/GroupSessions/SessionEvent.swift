import ProtocolEngine
import ScenarioEngine

/// One change of a group session, as a journal keeps it: the session's state is what its events,
/// applied in order, make it (``GroupSession/apply(_:)``), live or replayed after a crash
/// (``GroupSession/init(replaying:plan:)``).
///
/// Encoded as one JSON object with a `type` (`created`, `joined`, `answered`, `removed`,
/// `command`); docs/group-sessions.md describes the journal.
public enum SessionEvent: Sendable, Equatable {
    /// The session began: what makes the same session again.
    case created(SessionCreation)
    /// A participant joined (their token and rejoin key included: they resume with them).
    case joined(Participant)
    /// Participant `participant` (the roster's number) chose `option` for the question at plan
    /// index `question`; a later answer to the same question replaces it.
    case answered(participant: Int, question: Int, option: OptionID)
    /// The facilitator removed participant `participant`.
    case removed(participant: Int)
    /// The facilitator's `next`, `reveal` or `end`.
    case command(GroupSession.Command)
}

/// What rebuilds a session exactly: its id, facilitator, codes and capacity, and its plan by
/// identity (the plan itself is rebuilt from the content and checked against it).
public struct SessionCreation: Sendable, Codable, Equatable {
    public var id: String
    public var facilitator: String
    public var joinCode: JoinCode
    public var facilitatorSecret: SessionSecret
    public var projectorKey: SessionSecret
    public var capacity: Int
    public var plan: PlanIdentity

    public init(
        id: String, facilitator: String, joinCode: JoinCode, facilitatorSecret: SessionSecret, projectorKey: SessionSecret,
        capacity: Int, plan: PlanIdentity
    ) {
        self.id = id
        self.facilitator = facilitator
        self.joinCode = joinCode
        self.facilitatorSecret = facilitatorSecret
        self.projectorKey = projectorKey
        self.capacity = capacity
        self.plan = plan
    }
}

/// Which plan a session asks, without its text: the county, the seed and vignettes it was drawn
/// with, and each question with its options in the order shown. The same content and seed make
/// the same plan; a plan rebuilt from changed content differs here, and is refused.
public struct PlanIdentity: Sendable, Codable, Equatable {
    public var jurisdiction: JurisdictionID
    public var seed: UInt64
    public var vignettes: [VignetteID]
    public var questions: [QuestionIdentity]

    public struct QuestionIdentity: Sendable, Codable, Equatable {
        public var id: String
        public var options: [OptionID]
    }

    public init(
        jurisdiction: JurisdictionID, seed: UInt64, vignettes: [VignetteID], questions: [QuestionIdentity]
    ) {
        self.jurisdiction = jurisdiction
        self.seed = seed
        self.vignettes = vignettes
        self.questions = questions
    }
}

extension PlanIdentity.QuestionIdentity {
    public init(_ question: Question) {
        self.init(id: question.id, options: question.options.map(\.id))
    }
}

extension GroupSession.Command: Codable {}

extension SessionEvent: Codable {
    private enum CodingKeys: String, CodingKey {
        case type, session, participant, question, option, command
    }

    private enum Kind: String, Codable {
        case created, joined, answered, removed, command
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Kind.self, forKey: .type) {
        case .created:
            self = .created(try container.decode(SessionCreation.self, forKey: .session))
        case .joined:
            self = .joined(try container.decode(Participant.self, forKey: .participant))
        case .answered:
            self = .answered(
                participant: try container.decode(Int.self, forKey: .participant),
                question: try container.decode(Int.self, forKey: .question),
                option: try container.decode(OptionID.self, forKey: .option))
        case .removed:
            self = .removed(participant: try container.decode(Int.self, forKey: .participant))
        case .command:
            self = .command(try container.decode(GroupSession.Command.self, forKey: .command))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .created(let creation):
            try container.encode(Kind.created, forKey: .type)
            try container.encode(creation, forKey: .session)
        case .joined(let participant):
            try container.encode(Kind.joined, forKey: .type)
            try container.encode(participant, forKey: .participant)
        case .answered(let participant, let question, let option):
            try container.encode(Kind.answered, forKey: .type)
            try container.encode(participant, forKey: .participant)
            try container.encode(question, forKey: .question)
            try container.encode(option, forKey: .option)
        case .removed(let participant):
            try container.encode(Kind.removed, forKey: .type)
            try container.encode(participant, forKey: .participant)
        case .command(let command):
            try container.encode(Kind.command, forKey: .type)
            try container.encode(command, forKey: .command)
        }
    }
}

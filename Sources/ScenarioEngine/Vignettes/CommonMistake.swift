import ProtocolEngine

/// The id of a common mistake, such as `promise-secrecy`.
public typealias MistakeID = Identifier<CommonMistake>

/// A wrong response that staff often choose, kept as data (`Scoring/mistakes.yaml`) and offered
/// as a distractor. A critical mistake fails an attempt whatever its score, when the scoring
/// policy says so.
public struct CommonMistake: Sendable, Codable, Equatable, Identifiable {
    public var id: MistakeID
    /// The mistake, worded as an option a trainee might pick.
    public var wording: String
    /// Why it is wrong, shown in feedback.
    public var why: String
    public var critical: Bool
    /// When set, offered only when the case has this flag (e.g. telling the guardian only
    /// when the guardian is the suspected exploiter).
    public var onlyWhen: CaseFlag?

    public init(id: MistakeID, wording: String, why: String, critical: Bool, onlyWhen: CaseFlag? = nil) {
        self.id = id
        self.wording = wording
        self.why = why
        self.critical = critical
        self.onlyWhen = onlyWhen
    }
}

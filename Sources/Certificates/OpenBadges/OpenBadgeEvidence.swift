/// What backs the award: an Open Badges 3.0 `Evidence` entry (here, the completion record).
public struct OpenBadgeEvidence: Sendable, Codable, Equatable {
    /// ["Evidence"].
    public var type: [String]
    /// A short title, e.g. "Completion record".
    public var name: String
    /// The record id, verification code, score and time spent, in words.
    public var narrative: String

    public init(type: [String] = ["Evidence"], name: String, narrative: String) {
        self.type = type
        self.name = name
        self.narrative = narrative
    }
}

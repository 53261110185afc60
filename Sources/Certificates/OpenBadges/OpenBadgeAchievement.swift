/// What was achieved: an Open Badges 3.0 `Achievement` (the course on one county protocol).
public struct OpenBadgeAchievement: Sendable, Codable, Equatable {
    /// What it takes to earn the achievement: an Open Badges 3.0 `Criteria` with a narrative.
    public struct Criteria: Sendable, Codable, Equatable {
        /// The requirements, in words (Markdown allowed).
        public var narrative: String

        public init(narrative: String) {
            self.narrative = narrative
        }
    }

    /// "urn:uuid:…", the same for every credential of one course on one protocol version.
    public var id: String
    /// ["Achievement"].
    public var type: [String]
    /// From the OB 3.0 vocabulary, e.g. "CertificateOfCompletion".
    public var achievementType: String?
    /// The course title.
    public var name: String
    /// The protocol trained on and the legal note.
    public var description: String
    /// What a trainee must do to earn it.
    public var criteria: Criteria

    public init(
        id: String, type: [String] = ["Achievement"], achievementType: String?, name: String, description: String,
        criteria: Criteria
    ) {
        self.id = id
        self.type = type
        self.achievementType = achievementType
        self.name = name
        self.description = description
        self.criteria = criteria
    }
}

/// A jurisdiction's category for a set of facts, or "does not meet protocol criteria".
public struct Classification: Sendable, Codable, Equatable {
    public var jurisdiction: JurisdictionID
    /// The category, or nil when the facts do not meet this protocol's criteria.
    public var category: CategoryID?
    /// The category's printed name, or "Does not meet protocol criteria".
    public var categoryName: String
    /// The situation that decided the category.
    public var situation: Situation?
    /// Why, in sentences a trainee reads.
    public var reasons: [String]
    /// Every situation the facts show, with its own reasons, in precedence order.
    public var findings: [SituationFinding]

    public var meetsCriteria: Bool { category != nil }

    /// The answer shown when no category applies.
    public static let doesNotMeetCriteriaName = "Does not meet protocol criteria"

    public init(
        jurisdiction: JurisdictionID, category: CategoryID?, categoryName: String, situation: Situation?,
        reasons: [String], findings: [SituationFinding]
    ) {
        self.jurisdiction = jurisdiction
        self.category = category
        self.categoryName = categoryName
        self.situation = situation
        self.reasons = reasons
        self.findings = findings
    }
}

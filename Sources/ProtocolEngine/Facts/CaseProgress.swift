/// What has already been done in the case: the actions taken, the steps they complete and the
/// emergency call.
public struct CaseProgress: Sendable, Codable, Equatable, Hashable {
    /// Numbers of the category's steps already done (or their alternative actions).
    public var completedSteps: Set<Int>
    /// The emergency rule has been followed (911 was called).
    public var emergencyHandled: Bool
    /// Every action that counts as done, the county's own equivalences included: a step with
    /// some of its actions here is half done.
    public var actionsDone: Set<ActionID>
    /// The county's definitions that made an action count as done without being done itself.
    public var equivalencesUsed: [ActionEquivalence]

    /// Each set encoded sorted, as ``Facts`` encodes its own.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(completedSteps.sorted(), forKey: .completedSteps)
        try container.encode(emergencyHandled, forKey: .emergencyHandled)
        try container.encode(actionsDone.sorted(), forKey: .actionsDone)
        try container.encode(equivalencesUsed, forKey: .equivalencesUsed)
    }

    public init(
        completedSteps: Set<Int> = [], emergencyHandled: Bool = false, actionsDone: Set<ActionID> = [],
        equivalencesUsed: [ActionEquivalence] = []
    ) {
        self.completedSteps = completedSteps
        self.emergencyHandled = emergencyHandled
        self.actionsDone = actionsDone
        self.equivalencesUsed = equivalencesUsed
    }

    /// Nothing done yet.
    public static let start = CaseProgress()
}

/// One of a jurisdiction's own situation categories, with its ordered steps.
public struct SituationCategory: Sendable, Codable, Equatable, Identifiable {
    public var id: CategoryID
    /// The heading printed on the protocol.
    public var name: String
    /// The situations this category responds to.
    public var covers: [Situation]
    /// At-risk criteria groups; empty for categories that have none.
    public var criteria: [CriteriaGroup]
    /// The steps, numbered 1, 2, 3 … in order.
    public var steps: [ProtocolStep]
    /// A reading chosen where the extracted text was scrambled.
    public var reading: String?

    public init(
        id: CategoryID, name: String, covers: [Situation], criteria: [CriteriaGroup] = [],
        steps: [ProtocolStep], reading: String? = nil
    ) {
        self.id = id
        self.name = name
        self.covers = covers
        self.criteria = criteria
        self.steps = steps
        self.reading = reading
    }

    public func step(_ number: Int) -> ProtocolStep? {
        steps.first { $0.number == number }
    }
}

/// Where a step comes from: seed file, category and step number.
public struct Citation: Sendable, Codable, Equatable, Hashable, CustomStringConvertible {
    public var seed: String
    public var jurisdiction: JurisdictionID
    public var category: CategoryID
    public var categoryName: String
    public var step: Int

    public init(seed: String, jurisdiction: JurisdictionID, category: CategoryID, categoryName: String, step: Int) {
        self.seed = seed
        self.jurisdiction = jurisdiction
        self.category = category
        self.categoryName = categoryName
        self.step = step
    }

    /// For example `seed 003_17504a43b114a130.txt, "Confirmed Victim …", step 5`.
    public var description: String {
        "seed \(seed), “\(categoryName)”, step \(step)"
    }
}

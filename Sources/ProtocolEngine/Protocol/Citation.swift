/// Where a step comes from: the printed document, its category and the step's printed label.
///
/// Its description is what a person looks up; the seed file name is kept for the record, never
/// shown as the citation.
public struct Citation: Sendable, Codable, Equatable, Hashable, CustomStringConvertible {
    /// The seed file the protocol file was read from.
    public var seed: String
    /// The document as a person looks it up (``JurisdictionProtocol/document``).
    public var document: String
    public var jurisdiction: JurisdictionID
    public var category: CategoryID
    public var categoryName: String
    public var step: Int
    /// The step's printed label, when it differs from its number.
    public var stepLabel: String?

    public init(
        seed: String, document: String, jurisdiction: JurisdictionID, category: CategoryID, categoryName: String,
        step: Int, stepLabel: String? = nil
    ) {
        self.seed = seed
        self.document = document
        self.jurisdiction = jurisdiction
        self.category = category
        self.categoryName = categoryName
        self.step = step
        self.stepLabel = stepLabel
    }

    /// For example `Marin County, Human Trafficking … for Schools, updated 3.1.19, “Suspected
    /// Victim …”, step 4`.
    public var description: String {
        "\(document), “\(categoryName)”, step \(stepLabel ?? String(step))"
    }
}

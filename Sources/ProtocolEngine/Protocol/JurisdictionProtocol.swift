/// One jurisdiction's response protocol for educators, as data.
///
/// This is the answer key: every category, criterion and step that csec-trainer asks about
/// comes from here, and every step cites the seed file it was read from.
public struct JurisdictionProtocol: Sendable, Codable, Equatable, Identifiable {
    public var id: JurisdictionID
    /// A short display name, such as "Marin County".
    public var name: String
    /// The title printed on the protocol.
    public var title: String
    public var publisher: String
    public var source: ProtocolSource
    public var emergency: EmergencyRule
    public var contacts: [Contact]
    /// The jurisdiction's own categories, in the order it prints them.
    public var categories: [SituationCategory]
    /// Actions this county defines through others (see ``ActionEquivalence``).
    public var equivalences: [ActionEquivalence]

    public init(
        id: JurisdictionID, name: String, title: String, publisher: String, source: ProtocolSource,
        emergency: EmergencyRule, contacts: [Contact], categories: [SituationCategory],
        equivalences: [ActionEquivalence] = []
    ) {
        self.id = id
        self.name = name
        self.title = title
        self.publisher = publisher
        self.source = source
        self.emergency = emergency
        self.contacts = contacts
        self.categories = categories
        self.equivalences = equivalences
    }

    /// The document as a person looks it up: publisher, title and printed version.
    public var document: String {
        source.citeAs ?? "\(publisher), \(title), \(source.printedVersion)"
    }

    public func category(_ id: CategoryID) -> SituationCategory? {
        categories.first { $0.id == id }
    }

    public func contact(_ id: ContactID) -> Contact? {
        contacts.first { $0.id == id }
    }

    /// The category that handles `situation`, if this jurisdiction has one.
    public func category(covering situation: Situation) -> SituationCategory? {
        categories.first { $0.covers.contains(situation) }
    }

    /// Where step `number` of `category` comes from.
    public func citation(of number: Int, in category: SituationCategory) -> Citation {
        Citation(
            seed: source.seed, document: document, jurisdiction: id, category: category.id, categoryName: category.name,
            step: number, stepLabel: category.step(number)?.label)
    }

    /// Where a category is printed, as a person looks it up.
    public func citation(of category: SituationCategory) -> String {
        "\(document), “\(category.name)”"
    }
}

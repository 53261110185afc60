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

    public init(
        id: JurisdictionID, name: String, title: String, publisher: String, source: ProtocolSource,
        emergency: EmergencyRule, contacts: [Contact], categories: [SituationCategory]
    ) {
        self.id = id
        self.name = name
        self.title = title
        self.publisher = publisher
        self.source = source
        self.emergency = emergency
        self.contacts = contacts
        self.categories = categories
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
        Citation(seed: source.seed, jurisdiction: id, category: category.id, categoryName: category.name, step: number)
    }
}

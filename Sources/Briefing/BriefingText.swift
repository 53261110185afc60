import ProtocolEngine

/// The authored text of the briefing (`Scoring/briefing.yaml`): what is the same in every
/// county (responding to a disclosure, how a report is made, why each action matters) and
/// the passages of some counties' own documents (definitions, a glossary) with notes on them.
public struct BriefingText: Sendable, Equatable {
    /// Raised whenever the text changes, so a printed briefing says which text it is.
    public var version: Int
    public var introduction: String
    /// What to do when a student discloses.
    public var disclosureDo: [String]
    /// What not to do when a student discloses.
    public var disclosureDoNot: [String]
    /// How a report is made, each point with the law it comes from.
    public var reporting: [CitedPoint]
    /// Why each action matters, by vocabulary action id (the same in every county).
    public var why: [ActionID: String]
    /// The boxes of every site contact sheet, in order.
    public var siteContactBoxes: [SiteContactBox]
    /// Passages of a county's own document, by jurisdiction.
    public var countyPassages: [JurisdictionID: [CountyPassage]]

    public init(
        version: Int, introduction: String, disclosureDo: [String], disclosureDoNot: [String], reporting: [CitedPoint],
        why: [ActionID: String], siteContactBoxes: [SiteContactBox], countyPassages: [JurisdictionID: [CountyPassage]]
    ) {
        self.version = version
        self.introduction = introduction
        self.disclosureDo = disclosureDo
        self.disclosureDoNot = disclosureDoNot
        self.reporting = reporting
        self.why = why
        self.siteContactBoxes = siteContactBoxes
        self.countyPassages = countyPassages
    }
}

/// A sentence and the law it rests on ("PC 11166(a)").
public struct CitedPoint: Sendable, Equatable {
    public var text: String
    public var cites: String

    public init(text: String, cites: String) {
        self.text = text
        self.cites = cites
    }
}

/// A box of the site contact sheet: the contact id a site file fills and its label.
public struct SiteContactBox: Sendable, Equatable, Identifiable {
    public var id: ContactID
    public var label: String

    public init(id: ContactID, label: String) {
        self.id = id
        self.label = label
    }
}

/// A passage of a county's document (its definitions, its glossary), as printed, with where
/// it is printed and any note on what has changed since.
public struct CountyPassage: Sendable, Equatable {
    public var heading: String
    /// Where it is printed, such as "Glossary of Terms, page 2".
    public var source: String
    public var entries: [CountyPassageEntry]

    public init(heading: String, source: String, entries: [CountyPassageEntry]) {
        self.heading = heading
        self.source = source
        self.entries = entries
    }
}

/// One paragraph or glossary entry of a county passage.
public struct CountyPassageEntry: Sendable, Equatable {
    /// The term a glossary entry defines; nil for a paragraph.
    public var term: String?
    public var text: String
    /// What a trainee should know about it today ("this agency closed in 2023").
    public var note: String?

    public init(term: String? = nil, text: String, note: String? = nil) {
        self.term = term
        self.text = text
        self.note = note
    }
}

import ProtocolEngine

/// The briefing a trainee reads, or a facilitator presents, before the questions: one
/// jurisdiction's protocol in plain words with the authored guidance around it. A value only;
/// the terminal and other front ends render it.
public struct Briefing: Sendable, Equatable {
    public var jurisdiction: JurisdictionID
    /// "Before the quiz: Marin County".
    public var title: String
    /// "Human Trafficking and … (Updated 3.1.19)": the protocol's printed title and version.
    public var protocolLine: String
    public var sections: [BriefingSection]

    public init(jurisdiction: JurisdictionID, title: String, protocolLine: String, sections: [BriefingSection]) {
        self.jurisdiction = jurisdiction
        self.title = title
        self.protocolLine = protocolLine
        self.sections = sections
    }

    /// The section with `heading`, if any.
    public func section(_ heading: String) -> BriefingSection? {
        sections.first { $0.heading == heading }
    }
}

/// A headed part of the briefing.
public struct BriefingSection: Sendable, Equatable {
    public var heading: String
    public var blocks: [BriefingBlock]

    public init(heading: String, blocks: [BriefingBlock]) {
        self.heading = heading
        self.blocks = blocks
    }

    /// Every text of the section, for searching and tests.
    public var texts: [String] { [heading] + blocks.flatMap(\.texts) }
}

/// What a section is made of.
public enum BriefingBlock: Sendable, Equatable {
    /// A paragraph.
    case paragraph(String)
    /// A subheading within a section (a category's name).
    case subheading(String)
    /// A bulleted list.
    case list([String])
    /// A numbered protocol step with its details (who, when, unless, why, contacts, citation).
    case step(number: Int, wording: String, details: [String])
    /// A note that sets a printed text in context ("this agency closed in 2023").
    case note(String)

    public var texts: [String] {
        switch self {
        case .paragraph(let text), .subheading(let text), .note(let text): [text]
        case .list(let items): items
        case .step(_, let wording, let details): [wording] + details
        }
    }
}

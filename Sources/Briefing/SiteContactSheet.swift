import ProtocolEngine

/// The site contact sheet: the boxes every sheet has (those Marin prints for the school to fill
/// in: law enforcement, child welfare, probation, a victim advocate), each filled from the
/// site's contacts or left blank.
public struct SiteContactSheet: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var label: String
        /// What the site filled in; nil when the box is blank.
        public var filledIn: String?
    }

    public var siteName: String?
    public var rows: [Row]

    public init(boxes: [SiteContactBox], site: SiteContacts) {
        siteName = site.siteName
        rows = boxes.map { box in
            let filled = site.contact(box.id)?.filledIn
            return Row(label: box.label, filledIn: filled?.isEmpty == false ? filled : nil)
        }
    }

    /// True when no box is filled in.
    public var isBlank: Bool { rows.allSatisfy { $0.filledIn == nil } }

    /// What to do about blank boxes.
    public static let fillInHint =
        "Fill these in once for your site in a site file (format in docs/site-contacts.md); "
        + "every briefing and quick-reference card then prints them."

    var section: BriefingSection {
        var blocks: [BriefingBlock] = []
        if let siteName { blocks.append(.paragraph("Site: \(siteName)")) }
        blocks.append(.list(rows.map { "\($0.label): \($0.filledIn ?? "________________")" }))
        if rows.contains(where: { $0.filledIn == nil }) { blocks.append(.note(Self.fillInHint)) }
        return BriefingSection(heading: BriefingBuilder.Heading.siteContacts, blocks: blocks)
    }
}

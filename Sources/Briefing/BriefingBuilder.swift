import ProtocolEngine

/// Builds a ``Briefing`` from a protocol, the shared vocabulary, the authored text and the
/// site's contacts. Every county fact comes from the protocol; every sentence that is the
/// same in each county comes from the authored text.
public struct BriefingBuilder: Sendable {
    public var vocabulary: Vocabulary
    public var text: BriefingText

    public init(vocabulary: Vocabulary, text: BriefingText) {
        self.vocabulary = vocabulary
        self.text = text
    }

    /// Section headings, so that front ends and tests can find a section.
    public enum Heading {
        public static let about = "About this briefing"
        public static let emergency = "If a student is in immediate danger"
        public static let categories = "The situations this protocol responds to"
        public static let indicators = "What to notice"
        public static let disclosure = "When a student tells you"
        public static let reporting = "Making the report"
        public static let steps = "The steps, in order, and why they matter"
        public static let countyWords = "In the county's own words"
        public static let printedContacts = "Contacts printed on the protocol"
        public static let siteContacts = "Your site's contacts"
    }

    public func briefing(for jurisdiction: JurisdictionProtocol, site: SiteContacts) -> Briefing {
        let sections = [
            about(jurisdiction),
            emergency(jurisdiction),
            categories(jurisdiction),
            indicators(),
            disclosure(),
            reporting(),
            steps(jurisdiction),
            countyWords(jurisdiction),
            printedContacts(jurisdiction),
            SiteContactSheet(boxes: text.siteContactBoxes, site: site).section,
        ]
        return Briefing(
            jurisdiction: jurisdiction.id, title: "Before the quiz: \(jurisdiction.name)",
            protocolLine: Self.protocolLine(jurisdiction), sections: sections.compactMap { $0 })
    }

    /// The protocol's title with the version it prints: "… (Updated 3.1.19)", or "(no date printed)".
    public static func protocolLine(_ jurisdiction: JurisdictionProtocol) -> String {
        let version = jurisdiction.source.printedVersion
        let printed = version.lowercased().hasPrefix("none") ? "no date or version printed" : version
        return "\(jurisdiction.title) (\(printed))"
    }

    private func about(_ jurisdiction: JurisdictionProtocol) -> BriefingSection {
        BriefingSection(
            heading: Heading.about,
            blocks: [
                .paragraph(text.introduction),
                .paragraph("Protocol: \(Self.protocolLine(jurisdiction)), published by \(jurisdiction.publisher)."),
                .note("Briefing text version \(text.version). Cite the protocol as: \(jurisdiction.document)."),
            ])
    }

    private func emergency(_ jurisdiction: JurisdictionProtocol) -> BriefingSection {
        let rule = jurisdiction.emergency
        var blocks: [BriefingBlock] = [.paragraph(rule.wording)]
        blocks.append(
            .note(
                rule.printed
                    ? "Printed on the protocol."
                    : "Not printed on this protocol. \(rule.reading ?? "csec-trainer applies it in every county.")"))
        return BriefingSection(heading: Heading.emergency, blocks: blocks)
    }

    private func disclosure() -> BriefingSection {
        BriefingSection(
            heading: Heading.disclosure,
            blocks: [
                .subheading("Do"), .list(text.disclosureDo),
                .subheading("Do not"), .list(text.disclosureDoNot),
            ])
    }

    private func reporting() -> BriefingSection {
        BriefingSection(heading: Heading.reporting, blocks: [.list(text.reporting.map { "\($0.text) (\($0.cites))" })])
    }

    private func countyWords(_ jurisdiction: JurisdictionProtocol) -> BriefingSection? {
        guard let passages = text.countyPassages[jurisdiction.id], !passages.isEmpty else { return nil }
        var blocks: [BriefingBlock] = []
        for passage in passages {
            blocks.append(.subheading("\(passage.heading) (\(passage.source))"))
            for entry in passage.entries {
                blocks.append(.paragraph(entry.term.map { "\($0): \(entry.text)" } ?? entry.text))
                if let note = entry.note { blocks.append(.note(note)) }
            }
        }
        return BriefingSection(heading: Heading.countyWords, blocks: blocks)
    }

    private func printedContacts(_ jurisdiction: JurisdictionProtocol) -> BriefingSection? {
        let reachable = jurisdiction.contacts.filter { $0.phone != nil || $0.web != nil }
        guard !reachable.isEmpty else { return nil }
        return BriefingSection(
            heading: Heading.printedContacts,
            blocks: [.list(reachable.map { contact in "\(contact.name): \(Self.reach(contact))" })])
    }

    static func reach(_ contact: Contact) -> String {
        [contact.phone, contact.web].compactMap { $0 }.joined(separator: ", ")
    }
}

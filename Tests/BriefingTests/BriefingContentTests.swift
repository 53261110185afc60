import Briefing
import ContentLoading
import ProtocolEngine
import TestSupport
import Testing

/// The briefing built from the bundled protocol files and authored text: every county fact
/// in it comes from the protocol, so each test reads the protocol and looks for it.
@Suite("Briefing content")
struct BriefingContentTests {
    static let jurisdictions = Fixtures.jurisdictionIDs

    private static func build(_ id: String, site: SiteContacts = .empty) throws -> (Briefing, JurisdictionProtocol) {
        let library = try Fixtures.library()
        let text = try Fixtures.content.loadBriefingText(library: library)
        let jurisdiction = try #require(library.jurisdiction(id))
        return (BriefingBuilder(vocabulary: library.vocabulary, text: text).briefing(for: jurisdiction, site: site), jurisdiction)
    }

    @Test("Every category and every step appears, in the protocol's order", arguments: jurisdictions)
    func everyCategoryAndStepInOrder(_ id: String) throws {
        let (briefing, jurisdiction) = try Self.build(id)
        let steps = try #require(briefing.section(BriefingBuilder.Heading.steps))
        var expected: [BriefingBlock] = []
        for category in jurisdiction.categories {
            expected.append(.subheading(category.name))
            expected += category.steps.map { .step(number: $0.number, wording: $0.wording, details: []) }
        }
        let found = steps.blocks.map { block -> BriefingBlock in
            if case .step(let number, let wording, _) = block { return .step(number: number, wording: wording, details: []) }
            return block
        }
        #expect(found == expected)
    }

    @Test("Each step says why its actions matter and cites its step", arguments: jurisdictions)
    func stepsCarryWhyAndCitation(_ id: String) throws {
        let (briefing, jurisdiction) = try Self.build(id)
        let library = try Fixtures.library()
        let text = try Fixtures.content.loadBriefingText(library: library)
        let details = try #require(briefing.section(BriefingBuilder.Heading.steps)).blocks.compactMap { block -> [String]? in
            if case .step(_, _, let details) = block { return details }
            return nil
        }
        let steps = jurisdiction.categories.flatMap { category in category.steps.map { (category, $0) } }
        try #require(details.count == steps.count)
        for ((category, step), lines) in zip(steps, details) {
            for action in step.actions {
                let why = try #require(text.why[action], "no why for \(action)")
                #expect(lines.contains { $0.hasSuffix(why) }, "\(category.id) step \(step.number): no why for \(action)")
            }
            #expect(lines.contains("Cites: \(jurisdiction.citation(of: step.number, in: category))"))
        }
    }

    @Test("At-risk criteria appear with their thresholds in words", arguments: jurisdictions)
    func criteriaThresholdsInWords(_ id: String) throws {
        let (briefing, jurisdiction) = try Self.build(id)
        let section = try #require(briefing.section(BriefingBuilder.Heading.categories))
        let groups = jurisdiction.categories.flatMap(\.criteria)
        let words = ["one", "two", "three", "four", "five"]
        for group in groups {
            let sentence = try #require(section.texts.first { $0.contains(group.title) }, "no sentence for \(group.id)")
            #expect(sentence.contains("at least \(words[group.threshold - 1]) of these \(words[group.factors.count - 1])"))
            for factor in group.factors { #expect(section.texts.contains(factor.wording)) }
        }
        let hasAtRisk = jurisdiction.category(covering: .atRisk) != nil
        #expect(groups.isEmpty == !hasAtRisk)
        #expect(section.texts.contains { $0.hasPrefix("This protocol has no at-risk track") } == !hasAtRisk)
    }

    @Test("The indicators of the vocabulary appear, with the emergency rule", arguments: jurisdictions)
    func indicatorsAndEmergency(_ id: String) throws {
        let (briefing, jurisdiction) = try Self.build(id)
        let indicators = try #require(briefing.section(BriefingBuilder.Heading.indicators))
        for indicator in try Fixtures.library().vocabulary.indicators {
            #expect(indicators.texts.contains(indicator.description))
        }
        #expect(try #require(briefing.section(BriefingBuilder.Heading.emergency)).texts.contains(jurisdiction.emergency.wording))
        #expect(briefing.protocolLine.hasPrefix(jurisdiction.title))
    }

    @Test("The numbers printed on a protocol appear, and a blank site sheet with a hint", arguments: jurisdictions)
    func printedNumbersAndBlankSiteSheet(_ id: String) throws {
        let (briefing, jurisdiction) = try Self.build(id)
        let texts = briefing.sections.flatMap(\.texts)
        for contact in jurisdiction.contacts {
            if let phone = contact.phone { #expect(texts.contains { $0.contains(phone) }) }
        }
        let sheet = try #require(briefing.section(BriefingBuilder.Heading.siteContacts))
        let boxes = try Fixtures.content.loadBriefingText(library: Fixtures.library()).siteContactBoxes
        #expect(!boxes.isEmpty)
        for box in boxes { #expect(sheet.texts.contains { $0.hasPrefix(box.label + ": ") && $0.hasSuffix("_") }) }
        #expect(sheet.texts.contains(SiteContactSheet.fillInHint))
    }

    @Test("A filled-in site sheet prints the site's contacts and drops the hint")
    func filledSiteSheet() throws {
        let library = try Fixtures.library()
        let boxes = try Fixtures.content.loadBriefingText(library: library).siteContactBoxes
        let site = SiteContacts(
            siteName: "Lincoln High School",
            contacts: boxes.map { SiteContact(id: $0.id, name: "Name for \($0.id)", phone: "(415) 555-0100") })
        let (briefing, _) = try Self.build("san-diego", site: site)
        let sheet = try #require(briefing.section(BriefingBuilder.Heading.siteContacts))
        #expect(sheet.texts.contains("Site: Lincoln High School"))
        for box in boxes { #expect(sheet.texts.contains("\(box.label): Name for \(box.id), (415) 555-0100")) }
        #expect(!sheet.texts.contains(SiteContactSheet.fillInHint))
    }

    @Test("County passages appear for their county only, with their notes")
    func countyPassages() throws {
        let library = try Fixtures.library()
        let text = try Fixtures.content.loadBriefingText(library: library)
        #expect(!text.countyPassages.isEmpty)
        for id in Self.jurisdictions {
            let (briefing, _) = try Self.build(id)
            let passages = text.countyPassages[JurisdictionID(id)] ?? []
            let section = briefing.section(BriefingBuilder.Heading.countyWords)
            #expect((section == nil) == passages.isEmpty)
            for entry in passages.flatMap(\.entries) {
                #expect(section?.texts.contains { $0.hasSuffix(entry.text) } == true)
                if let note = entry.note { #expect(section?.blocks.contains(.note(note)) == true) }
            }
        }
    }

    @Test("The content note gives the national lines, and the employee assistance program only when configured")
    func contentNote() {
        let plain = ContentNote(employeeAssistance: nil)
        #expect(plain.supportLines == ContentNote.nationalLines)
        let assistance = SupportLine(name: "District EAP", reach: "1-800-555-0199")
        #expect(ContentNote(employeeAssistance: assistance).supportLines == ContentNote.nationalLines + [assistance])
    }
}

import Briefing
import ContentLoading
import Foundation
import ProtocolEngine
import TestSupport
import Testing

@testable import Certificates

/// The quick-reference card of each bundled protocol, checked with the real tools: one page,
/// `qpdf --check` clean, and `pdftotext` gives back what the card says.
@Suite("PDF quick-reference card")
struct PDFQuickReferenceCardTests {
    static let jurisdictions = Fixtures.jurisdictionIDs

    private static func card(_ id: String, site: SiteContacts = .empty) throws -> QuickReferenceCard {
        let library = try Fixtures.library()
        let text = try Fixtures.content.loadBriefingText(library: library)
        let jurisdiction = try #require(library.jurisdiction(id))
        return QuickReferenceCard(
            jurisdiction: jurisdiction, vocabulary: library.vocabulary, boxes: text.siteContactBoxes, site: site)
    }

    @Test("One page that qpdf accepts, with every category, step and printed number", arguments: jurisdictions)
    func cardOfEachJurisdiction(_ id: String) throws {
        let card = try Self.card(id)
        let (text, info) = try Self.renderAndExtract(card)
        #expect(info.contains("Pages:           1"))
        #expect(info.contains("612 x 792 pts"))
        let words = Self.words(text)
        #expect(words.contains(Self.words(card.title)))
        let jurisdiction = try Fixtures.jurisdiction(id)
        #expect(words.contains(Self.words(jurisdiction.emergency.wording)))
        #expect(words.contains(Self.words(jurisdiction.title)))
        #expect(
            words.contains(Self.words(jurisdiction.source.printedVersion)) || jurisdiction.source.printedVersion.hasPrefix("none")
        )
        for category in card.categories {
            #expect(words.contains(Self.words(category.name)), "\(category.name)")
            for step in category.steps { #expect(words.contains(Self.words(step)), "\(step)") }
        }
        for contact in jurisdiction.contacts {
            if let phone = contact.phone { #expect(words.contains(phone)) }
        }
        for row in card.siteContacts.rows { #expect(words.contains(Self.words(row.label))) }
        #expect(words.contains(Self.words(card.footer)))
    }

    @Test("The site's contacts print on the card")
    func siteContactsPrint() throws {
        let site = SiteContacts(
            siteName: "Lincoln High School",
            contacts: [SiteContact(id: "local-law-enforcement", name: "Officer Dana Cruz", phone: "(415) 555-0100")])
        let (text, _) = try Self.renderAndExtract(try Self.card("marin", site: site))
        let words = Self.words(text)
        #expect(words.contains("Site contacts: Lincoln High School"))
        #expect(words.contains("Officer Dana Cruz, (415) 555-0100"))
    }

    @Test("A card far too long for one page is refused with a plain reason")
    func overflowingCardThrows() async throws {
        var card = try Self.card("marin")
        card.categories = Array(repeating: card.categories[0], count: 20)
        #expect(throws: PDFCardError.self) { try PDFQuickReferenceCard().render(card) }
    }

    /// Text with every run of white space one space: lines wrap where the card's width says.
    private static func words(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Writes the card, requires `qpdf --check` to pass; returns `pdftotext`'s and `pdfinfo`'s output.
    private static func renderAndExtract(_ card: QuickReferenceCard) throws -> (text: String, info: String) {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appending(path: "card.pdf")
        try PDFQuickReferenceCard().render(card).write(to: file)
        let check = try tool("qpdf", ["--check", file.path])
        #expect(check.status == 0, "qpdf --check failed:\n\(check.output)\(check.error)")
        let text = try tool("pdftotext", ["-enc", "UTF-8", file.path, "-"])
        try #require(text.status == 0, "pdftotext failed:\n\(text.error)")
        return (text.output, try tool("pdfinfo", [file.path]).output)
    }

    private static func tool(_ name: String, _ arguments: [String]) throws -> Program.Result {
        let executable = try #require(
            Program.locate(name), "\(name) is not installed: install the packages qpdf poppler-utils (CI installs them)")
        return try Program.run(executable, arguments)
    }
}

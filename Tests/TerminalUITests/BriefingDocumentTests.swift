import Briefing
import ContentLoading
import ProtocolEngine
import TerminalUI
import TestSupport
import Testing

/// The briefing and the content note as terminal text: every block shown, wrapped to the width.
struct BriefingDocumentTests {
    @Test(arguments: [40, 72, 120])
    func everyTextShowsAndNoLineIsWiderThanTheWidth(_ width: Int) throws {
        let library = try Fixtures.library()
        let text = try Fixtures.content.loadBriefingText(library: library)
        let jurisdiction = try #require(library.jurisdiction("marin"))
        let briefing = BriefingBuilder(vocabulary: library.vocabulary, text: text).briefing(for: jurisdiction, site: .empty)
        let rendered = BriefingDocument(briefing: briefing).render(width: width)
        let folded = Self.folded(rendered)
        for section in briefing.sections {
            #expect(folded.contains(section.heading.uppercased()))
            for block in section.blocks {
                for line in block.texts { #expect(folded.contains(Self.folded(line)), "\(line)") }
            }
        }
        let longestWord = rendered.split(whereSeparator: \.isWhitespace).map(\.count).max() ?? 0
        for line in rendered.split(separator: "\n") {
            #expect(line.count <= max(width, longestWord + 12), "\(line)")
        }
    }

    @Test func theContentNoteShowsEachSupportLineOnItsOwnLine() {
        let note = ContentNote(employeeAssistance: SupportLine(name: "District EAP", reach: "1-800-555-0199"))
        let lines = ContentNoteDocument(note: note).render(width: 100).split(separator: "\n").map(String.init)
        #expect(lines.first == note.heading)
        for support in note.supportLines { #expect(lines.contains("  - \(support.text)")) }
    }

    private static func folded(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

import Briefing
import Foundation
import SessionServer
import TestSupport
import Testing

/// The participant page's join screen shows the content note every session opens with.
struct JoinPageContentNoteTests {
    private static let web = Fixtures.repositoryRoot.appending(path: "Web")

    private static func participantPage(_ note: ContentNote?) throws -> String {
        let pages = try WebPages(directory: web, contentNote: note)
        return String(decoding: try #require(pages.pages["/"]).bytes, as: UTF8.self)
    }

    @Test func theJoinFormCarriesTheNoteAndItsSupportLines() throws {
        let assistance = SupportLine(name: "District EAP <confidential>", reach: "1-800-555-0199")
        let note = ContentNote(employeeAssistance: assistance)
        let page = try Self.participantPage(note)
        let form = try #require(page.range(of: "<form id=\"join\""))
        let section = try #require(page.range(of: "<section id=\"content-note\""))
        let formEnd = try #require(page.range(of: "</form>"))
        #expect(form.upperBound < section.lowerBound && section.upperBound < formEnd.lowerBound)
        #expect(page.contains(note.heading))
        for line in note.supportLines {
            #expect(
                page.contains(
                    "<li>\(line.text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;"))</li>"
                ))
        }
        #expect(!page.contains("<confidential>"))
    }

    @Test func withoutANoteThePageIsServedAsWritten() throws {
        let page = try Self.participantPage(nil)
        let file = try String(contentsOf: Self.web.appending(path: "participant.html"), encoding: .utf8)
        #expect(page == file)
        #expect(!page.contains("<section id=\"content-note\""))
    }
}

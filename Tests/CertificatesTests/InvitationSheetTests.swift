import Foundation
import TestSupport
import Testing

@testable import Certificates

/// The printable invitation sheet, checked with the real tools: `qpdf --check` accepts it,
/// `pdftotext` gives back every name and link, and zbarimg reads every card's QR code.
@Suite(
    "Invitation sheet (PDF)",
    .enabled(if: InvitationSheetTools.enabled, Comment(rawValue: InvitationSheetTools.missingMessage)))
struct InvitationSheetTests {
    static let papers = InvitationSheetPaper.allCases

    /// The three accented names, and more people than one page holds, at two schools.
    static func sampleStaff() -> [InvitationSheetEntry] {
        InvitationSheetSample.unicodeNames.map { InvitationSheetSample.entry($0) }
            + InvitationSheetSample.staff(7)
    }

    @Test("Every card's QR code scans to that person's link, once", arguments: papers)
    func everyQRCodeScansToItsLink(paper: InvitationSheetPaper) throws {
        let staff = Self.sampleStaff()
        let pdf = try PDFInvitationSheet(paper: paper, timeZone: InvitationSheetSample.timeZone)
            .render(staff, madeAt: InvitationSheetSample.madeAt)
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let decoded = try InvitationSheetTools.decodedQRCodes(of: pdf, in: directory)
        #expect(decoded.sorted() == staff.map(\.link.absoluteString).sorted())
    }

    @Test("The text has each name, school, link and expiry, and the instructions", arguments: papers)
    func textHasEveryNameAndLink(paper: InvitationSheetPaper) throws {
        let staff = Self.sampleStaff()
        let pdf = try PDFInvitationSheet(paper: paper, timeZone: InvitationSheetSample.timeZone)
            .render(staff, madeAt: InvitationSheetSample.madeAt)
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = try InvitationSheetTools.checkedPages(of: pdf, in: directory).joined()
        let words = InvitationSheetTools.words(text)
        let squeezed = InvitationSheetTools.squeezed(text)
        for entry in staff {
            #expect(words.contains(entry.name), "\(entry.name)")
            #expect(words.contains(entry.school))
            #expect(squeezed.contains(entry.link.absoluteString), "the link of \(entry.name)")
        }
        #expect(words.contains("Link expires December 14, 2026, 5:00 PM PST"))
        #expect(words.contains(InvitationSheetTools.words(PDFInvitationCard.instructions)))
        #expect(words.contains(InvitationSheetSample.district))
    }

    @Test("The page is Letter or A4, and each page is numbered", arguments: papers)
    func pageSizeAndNumbers(paper: InvitationSheetPaper) throws {
        let staff = Self.sampleStaff()
        let pdf = try PDFInvitationSheet(paper: paper, timeZone: InvitationSheetSample.timeZone)
            .render(staff, madeAt: InvitationSheetSample.madeAt)
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pages = try InvitationSheetTools.checkedPages(of: pdf, in: directory)
        let layout = InvitationSheetLayout(paper: paper)
        #expect(pages.count == layout.pageCount(cards: staff.count))
        #expect(pages.count > 1)
        for (index, page) in pages.enumerated() {
            #expect(page.contains("Page \(index + 1) of \(pages.count)"))
        }
        let info = try InvitationSheetTools.run("pdfinfo", [directory.appending(path: "invitations.pdf").path]).output
        let size = paper.size
        #expect(info.contains("\(Self.points(size.width)) x \(Self.points(size.height)) pts"))
    }

    @Test("Cards come by school, then by name, whatever the input order")
    func sortedBySchoolThenName() throws {
        let staff = Self.sampleStaff()
        let pdf = try PDFInvitationSheet(timeZone: InvitationSheetSample.timeZone)
            .render(staff.reversed(), madeAt: InvitationSheetSample.madeAt)
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let squeezed = InvitationSheetTools.squeezed(try InvitationSheetTools.checkedPages(of: pdf, in: directory).joined())
        let positions = staff.sortedForSheet().map { squeezed.range(of: $0.link.absoluteString)?.lowerBound }
        let found = positions.compactMap { $0 }
        #expect(found.count == staff.count)
        #expect(found == found.sorted())
    }

    @Test("1,000 people: each card whole on one page, pages in order, every page numbered")
    func aThousandPeoplePaginate() throws {
        let staff = InvitationSheetSample.staff(1000)
        let pdf = try PDFInvitationSheet(timeZone: InvitationSheetSample.timeZone)
            .render(staff, madeAt: InvitationSheetSample.madeAt)
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pages = try InvitationSheetTools.checkedPages(of: pdf, in: directory)
        let layout = InvitationSheetLayout(paper: .letter)
        #expect(pages.count == layout.pageCount(cards: staff.count))
        let wordPages = pages.map(InvitationSheetTools.words)
        var pagesOfLink: [String: [Int]] = [:]
        for (page, text) in pages.enumerated() {
            for link in InvitationSheetSample.links(in: InvitationSheetTools.squeezed(text)) {
                pagesOfLink[link, default: []].append(page)
            }
        }
        #expect(pagesOfLink.count == staff.count)
        for (index, entry) in staff.sortedForSheet().enumerated() {
            let pagesWithLink = pagesOfLink[entry.link.absoluteString] ?? []
            #expect(pagesWithLink == [index / layout.cardsPerPage], "the card of \(entry.name)")
            guard let page = pagesWithLink.first else { continue }
            #expect(wordPages[page].contains(entry.name + " "), "the name of \(entry.name) is with its link")
        }
        for (index, page) in pages.enumerated() { #expect(page.contains("Page \(index + 1) of \(pages.count)")) }
    }

    @Test("Two renders of the same invitations are byte-identical")
    func reproducible() throws {
        let sheet = PDFInvitationSheet(timeZone: InvitationSheetSample.timeZone)
        let staff = Self.sampleStaff()
        let first = try sheet.render(staff, madeAt: InvitationSheetSample.madeAt)
        #expect(try sheet.render(staff.reversed(), madeAt: InvitationSheetSample.madeAt) == first)
    }

    /// "612" or "595.28": how pdfinfo writes a page side.
    private static func points(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%g", value)
    }
}

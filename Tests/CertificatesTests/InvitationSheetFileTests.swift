import Foundation
import TestSupport
import Testing

@testable import Certificates

/// Saving the sheet and the mail-merge file: whole or not at all, readable by their owner
/// only (the links are secrets), and refusals in plain words.
@Suite("Invitation sheet files")
struct InvitationSheetFileTests {
    @Test("Writing the sheet replaces an old file whole, owner-only, and leaves no temporary file")
    func sheetWrittenAtomically() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appending(path: "invitations.pdf")
        try Data("old".utf8).write(to: file)
        let sheet = PDFInvitationSheet(timeZone: InvitationSheetSample.timeZone)
        let staff = InvitationSheetSample.staff(5)
        try sheet.write(staff, madeAt: InvitationSheetSample.madeAt, to: file)
        #expect(try Data(contentsOf: file) == sheet.render(staff, madeAt: InvitationSheetSample.madeAt))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["invitations.pdf"])
        #expect(try Self.permissions(of: file) == 0o600)
    }

    @Test("Writing the mail-merge file replaces an old file whole, owner-only")
    func csvWrittenAtomically() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appending(path: "invitations.csv")
        try Data("old".utf8).write(to: file)
        let csv = InvitationMailMergeCSV(timeZone: InvitationSheetSample.timeZone)
        let staff = InvitationSheetSample.staff(5)
        try csv.write(staff, to: file)
        #expect(try String(contentsOf: file, encoding: .utf8) == csv.text(staff))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["invitations.csv"])
        #expect(try Self.permissions(of: file) == 0o600)
    }

    @Test("A sheet that cannot be made leaves the old file as it was")
    func failedRenderKeepsTheOldFile() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appending(path: "invitations.pdf")
        try Data("old".utf8).write(to: file)
        var staff = InvitationSheetSample.staff(5)
        staff[4].name = String(repeating: "Łukasiewicz-O'Brien ", count: 40)
        #expect(throws: InvitationSheetError.doesNotFit(name: staff[4].name.pdfPrintable)) {
            try PDFInvitationSheet(timeZone: InvitationSheetSample.timeZone)
                .write(staff, madeAt: InvitationSheetSample.madeAt, to: file)
        }
        #expect(try Data(contentsOf: file) == Data("old".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["invitations.pdf"])
    }

    @Test("Writing into a missing folder throws cannotWrite, in plain words")
    func missingFolderThrows() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appending(path: "no such folder/invitations.pdf")
        let error = #expect(throws: InvitationSheetError.self) {
            try PDFInvitationSheet(timeZone: InvitationSheetSample.timeZone)
                .write(InvitationSheetSample.staff(2), madeAt: InvitationSheetSample.madeAt, to: file)
        }
        #expect(error == .cannotWrite(path: file.path, reason: "no such file or directory"))
        #expect(error?.description.hasPrefix("The invitations could not be saved to ") == true)
    }

    @Test("No one to invite, a link too long to print, a name too long for a card: refused in plain words")
    func refusals() throws {
        let sheet = PDFInvitationSheet(timeZone: InvitationSheetSample.timeZone)
        #expect(throws: InvitationSheetError.nobodyToInvite) { try sheet.render([], madeAt: InvitationSheetSample.madeAt) }
        #expect(throws: InvitationSheetError.nobodyToInvite) {
            try InvitationMailMergeCSV(timeZone: InvitationSheetSample.timeZone).text([])
        }
        var long = InvitationSheetSample.entry("José Núñez")
        let link = long.link.absoluteString + "/" + String(repeating: "x", count: 200)
        long.link = try #require(URL(string: link))
        let error = #expect(throws: InvitationSheetError.self) {
            try sheet.render([long], madeAt: InvitationSheetSample.madeAt)
        }
        #expect(error == .linkTooLong(name: "José Núñez", characters: link.count))
        #expect(error?.description.contains(link) == false, "the secret link is not in the message")
    }

    private static func permissions(of file: URL) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        return try #require((attributes[.posixPermissions] as? NSNumber)?.intValue)
    }
}

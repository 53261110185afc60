import Accounts
import Certificates
import Foundation
import Records

/// What staff receive for their invitations, written side by side into one folder readable by
/// its owner only: the mail-merge file (`invitations.csv`, one e-mail a row) and the printable
/// sheet (`invitations.pdf`, a cut-out card with a QR code a person, for staff without
/// district e-mail). Both hold the links: they are secrets until sent.
public struct InvitationMaterials: Sendable {
    /// Who invites, printed at the top of each card: the installation's issuer (the district or
    /// school), else "School staff training".
    public var issuerName: String
    /// The district's time zone, in which the expiry is written.
    public var timeZone: TimeZone
    public var paper: InvitationSheetPaper

    public init(issuerName: String?, timeZone: TimeZone, paper: InvitationSheetPaper = .letter) {
        self.issuerName = issuerName.flatMap { $0.isEmpty ? nil : $0 } ?? "School staff training"
        self.timeZone = timeZone
        self.paper = paper
    }

    public static let mailMergeFileName = "invitations.csv"
    public static let sheetFileName = "invitations.pdf"

    /// Writes both files for `issued` into `folder` (made if missing, owner-only), the sheet's
    /// dates being `madeAt`. Returns the files written.
    public func write(_ issued: [IssuedInvitation], into folder: URL, madeAt: Date) throws(InvitationSheetError) -> [URL] {
        let entries = issued.map { invitation in
            InvitationSheetEntry(
                name: invitation.person.name, employeeID: invitation.person.employeeID, email: invitation.person.email,
                school: invitation.person.school, role: invitation.person.role, link: invitation.link,
                expiresAt: invitation.expiresAt, issuerName: issuerName)
        }
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .cannotWrite(path: folder.path, reason: "the folder cannot be made")
        }
        let mailMerge = folder.appending(path: Self.mailMergeFileName)
        let sheet = folder.appending(path: Self.sheetFileName)
        try InvitationMailMergeCSV(timeZone: timeZone).write(entries, to: mailMerge)
        try PDFInvitationSheet(paper: paper, timeZone: timeZone).write(entries, madeAt: madeAt, to: sheet)
        return [mailMerge, sheet]
    }
}

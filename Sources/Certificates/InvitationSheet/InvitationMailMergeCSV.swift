import Foundation
import Records

/// The invitations as a CSV file for a mail merge (docs/invitations.md): one person a line,
/// in sheet order, with the columns `name`, `employee id`, `email`, `school`, `role`, `link` and `expires`
/// (as printed on the card, in the district's time zone). Quoted as every CSV the product
/// writes (``CSVText``).
public struct InvitationMailMergeCSV: Sendable {
    /// The header line's names, in order.
    public static let columns = ["name", "employee id", "email", "school", "role", "link", "expires"]

    /// The district's time zone, in which the expiry dates are written.
    public let timeZone: TimeZone

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// The file's text for `entries` (in any order); an empty e-mail or role is an empty cell.
    public func text(_ entries: [InvitationSheetEntry]) throws(InvitationSheetError) -> String {
        guard !entries.isEmpty else { throw .nobodyToInvite }
        let expiry = InvitationExpiryText(timeZone: timeZone)
        let rows = entries.sortedForSheet().map { entry in
            [
                entry.name, entry.employeeID ?? "", entry.email ?? "", entry.school, entry.role ?? "", entry.link.absoluteString,
                expiry.text(entry.expiresAt),
            ]
        }
        return CSVText(columns: Self.columns, rows: rows).text
    }

    /// Writes the file at `url`, atomically and readable by its owner only.
    public func write(_ entries: [InvitationSheetEntry], to url: URL) throws(InvitationSheetError) {
        try InvitationFile.write(Data(text(entries).utf8), to: url)
    }
}

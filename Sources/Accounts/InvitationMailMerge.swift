import Foundation
import Records

/// The invitations as a mail-merge CSV: one row a person, `name,email,school,employee id,link,expires`
/// (the expiry as YYYY-MM-DD in UTC), in the order given. A spreadsheet or a mail program's
/// merge fills one e-mail a row; people without an e-mail address get the printed sheet.
public enum InvitationMailMerge {
    public static let columns = ["name", "email", "school", "employee id", "link", "expires"]

    public static func csv(_ issued: [IssuedInvitation]) -> String {
        let day = Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day()
        return CSVText(
            columns: columns,
            rows: issued.map {
                [
                    $0.person.name, $0.person.email ?? "", $0.person.school, $0.person.employeeID, $0.link.absoluteString,
                    $0.expiresAt.formatted(day),
                ]
            }
        ).text
    }
}

import Accounts
import Foundation
import Records

/// The refresher reminders: for each person due a refresher (``Records/RefreshersDue``) whom the
/// administrator sees and who is on the staff roster, a new personal sign-in link that carries
/// them to their refresher, as a mail-merge CSV.
struct RefresherReminderList: Sendable {
    /// The people a link goes to.
    let staff: [StaffMember]
    /// The people due a refresher who are not on the roster (no link can be issued).
    let notOnRoster: Int
    /// Each roster member's refresher due, by ``Records/StaffMember/employeeKey``.
    let rows: [String: RefreshersDue.Row]

    /// The rows of `due` matched to `roster` by employee id.
    init(_ due: [RefreshersDue.Row], roster: [StaffMember]) {
        let byKey = Dictionary(roster.map { ($0.employeeKey, $0) }, uniquingKeysWith: { first, _ in first })
        var staff: [StaffMember] = []
        var rows: [String: RefreshersDue.Row] = [:]
        var notOnRoster = 0
        for row in due {
            guard let id = row.trainee.employeeID, let member = byKey[MatchingText.folded(id)] else {
                notOnRoster += 1
                continue
            }
            staff.append(member)
            rows[member.employeeKey] = row
        }
        self.staff = staff
        self.rows = rows
        self.notOnRoster = notOnRoster
    }

    static let columns = ["name", "email", "employee id", "school", "role", "refresher", "due since", "link", "expires"]

    /// The link to `invitation`'s person's refresher: their sign-in link, then the refresher.
    static func refresherLink(_ invitation: IssuedInvitation) -> URL {
        URL(string: invitation.link.absoluteString + DistrictServer.refresherLinkSuffix) ?? invitation.link
    }

    /// The mail-merge file of `issued`: each person's refresher ("1 of 2") and the day it fell due
    /// beside the link to it and its expiry (the date in `timeZone`).
    func csv(_ issued: [IssuedInvitation], timeZone: TimeZone) -> String {
        let day = Date.ISO8601FormatStyle(timeZone: timeZone).year().month().day()
        let rows = issued.map { invitation in
            let person = invitation.person
            let row = self.rows[person.employeeKey]
            return [
                person.name, person.email ?? "", person.employeeID, person.school, person.role ?? "",
                row.map { "\($0.number) of \($0.scheduled)" } ?? "", row?.dueSince.description ?? "",
                Self.refresherLink(invitation).absoluteString, invitation.expiresAt.formatted(day),
            ]
        }
        return CSVText(columns: Self.columns, rows: rows).text
    }
}

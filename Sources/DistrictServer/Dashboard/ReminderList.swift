import Accounts
import Foundation
import Records

/// The reminders of a dashboard view: for each person in it who is due or overdue and on the
/// staff roster, a new personal sign-in link (issuing it withdraws their earlier one), as a
/// mail-merge CSV the training office sends with the tools it already has.
struct ReminderList: Sendable {
    /// The people a link goes to: the roster's entries of the view's people due or overdue.
    let staff: [StaffMember]
    /// The people due or overdue in the view who are not on the roster (no link can be issued).
    let notOnRoster: Int
    /// Each roster member's row of the report, by ``StaffMember/employeeKey``.
    let rows: [String: ComplianceReport.Row]

    /// The people of `dashboard` due or overdue, matched to `roster` by employee id.
    init(_ dashboard: ComplianceDashboard, roster: [StaffMember]) {
        let byKey = Dictionary(roster.map { ($0.employeeKey, $0) }, uniquingKeysWith: { first, _ in first })
        var staff: [StaffMember] = []
        var rows: [String: ComplianceReport.Row] = [:]
        var notOnRoster = 0
        for row in dashboard.needingReminder {
            guard row.roster != .notOnRoster, let id = row.employeeID, let member = byKey[MatchingText.folded(id)] else {
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

    static let columns = ["name", "email", "employee id", "school", "role", "status", "due", "link", "expires"]

    /// The mail-merge file of `issued`, in the report's order: each person's status and due date
    /// beside their link and its expiry (the date in `timeZone`).
    func csv(_ issued: [IssuedInvitation], timeZone: TimeZone) -> String {
        let day = Date.ISO8601FormatStyle(timeZone: timeZone).year().month().day()
        let rows = issued.map { invitation in
            let person = invitation.person
            let row = self.rows[person.employeeKey]
            return [
                person.name, person.email ?? "", person.employeeID, person.school, person.role ?? "",
                row.map { ComplianceDashboard.statusWords($0.status) } ?? "", row?.dueDate.description ?? "",
                invitation.link.absoluteString, invitation.expiresAt.formatted(day),
            ]
        }
        return CSVText(columns: Self.columns, rows: rows).text
    }
}

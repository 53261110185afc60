import Accounts
import Foundation
import Records

/// Reminders: for each person to remind who is on the staff roster, a new personal sign-in link
/// (issuing it withdraws their earlier one), as a mail-merge CSV the training office sends with
/// the tools it already has. `Row` is what the reminder says of the person: their row of the
/// compliance report (due or overdue), or the refresher they are due.
struct ReminderList<Row: Sendable>: Sendable {
    /// The people a link goes to: the roster's entries of the people to remind.
    let staff: [StaffMember]
    /// The people to remind who are not on the roster (no link can be issued).
    let notOnRoster: Int
    /// Each roster member's row, by ``StaffMember/employeeKey``.
    let rows: [String: Row]
    /// The headers of what each row says, between the person's columns and the link's.
    let headers: [String]
    /// What each row says, under `headers`.
    let fields: @Sendable (Row) -> [String]
    /// Where a person's link leads: their sign-in link, or a page after it.
    let link: @Sendable (IssuedInvitation) -> URL

    /// The people of `people` (an employee id, nil when the person cannot be matched, and their
    /// row), matched to `roster` by employee id.
    init(
        _ people: [(employeeID: String?, row: Row)], roster: [StaffMember], headers: [String],
        fields: @escaping @Sendable (Row) -> [String], link: @escaping @Sendable (IssuedInvitation) -> URL = \.link
    ) {
        let byKey = Dictionary(roster.map { ($0.employeeKey, $0) }, uniquingKeysWith: { first, _ in first })
        var staff: [StaffMember] = []
        var rows: [String: Row] = [:]
        var notOnRoster = 0
        for (id, row) in people {
            guard let id, let member = byKey[MatchingText.folded(id)] else {
                notOnRoster += 1
                continue
            }
            staff.append(member)
            rows[member.employeeKey] = row
        }
        self.staff = staff
        self.rows = rows
        self.notOnRoster = notOnRoster
        self.headers = headers
        self.fields = fields
        self.link = link
    }

    /// The mail-merge file of `issued`, in their order: each person, what their row says, their
    /// link and its expiry (the date in `timeZone`).
    func csv(_ issued: [IssuedInvitation], timeZone: TimeZone) -> String {
        let day = Date.ISO8601FormatStyle(timeZone: timeZone).year().month().day()
        let rows = issued.map { invitation in
            let person = invitation.person
            let said = self.rows[person.employeeKey].map(fields) ?? headers.map { _ in "" }
            return [person.name, person.email ?? "", person.employeeID, person.school, person.role ?? ""] + said
                + [link(invitation).absoluteString, invitation.expiresAt.formatted(day)]
        }
        return CSVText(columns: ["name", "email", "employee id", "school", "role"] + headers + ["link", "expires"], rows: rows)
            .text
    }
}

extension ReminderList where Row == ComplianceReport.Row {
    /// The people of `dashboard` due or overdue, with their status and due date.
    init(_ dashboard: ComplianceDashboard, roster: [StaffMember]) {
        self.init(
            dashboard.needingReminder.map { ($0.roster == .notOnRoster ? nil : $0.employeeID, $0) }, roster: roster,
            headers: ["status", "due"]
        ) { [ComplianceDashboard.statusWords($0.status), $0.dueDate.description] }
    }
}

extension ReminderList where Row == RefreshersDue.Row {
    /// The people due a refresher, with which one ("1 of 2") and the day it fell due; each link
    /// carries the person to their refresher.
    init(_ due: [RefreshersDue.Row], roster: [StaffMember]) {
        self.init(
            due.map { ($0.trainee.employeeID, $0) }, roster: roster, headers: ["refresher", "due since"],
            fields: { ["\($0.number) of \($0.scheduled)", $0.dueSince.description] },
            link: { URL(string: $0.link.absoluteString + DistrictServer.refresherLinkSuffix) ?? $0.link })
    }
}

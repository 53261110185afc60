import Accounts
import Records

/// The compliance dashboard's figures: the rows of the school year's compliance report (the
/// application layer's, which `records report` prints) that an administrator may see, narrowed by
/// the filter, counted per district, school and role. Nothing here decides who is complete, due
/// or overdue: the report did; this only counts its rows.
struct ComplianceDashboard: Sendable {
    /// The rows the administrator may see: every row for the district, their school's for a site
    /// administrator.
    let visible: [ComplianceReport.Row]
    let filter: DashboardFilter
    /// The rows of the view: ``visible`` that the filter admits, in the report's order.
    let rows: [ComplianceReport.Row]

    init(rows: [ComplianceReport.Row], role: AdministratorRole, filter: DashboardFilter) {
        visible = rows.filter { role.covers(school: $0.school) }
        self.filter = filter
        self.rows = visible.filter(filter.admits)
    }

    /// Complete, due and overdue counts of a group of people.
    struct Tally: Sendable, Equatable {
        /// The group's name (a district, school or role), nil for the rows without one.
        var name: String?
        var complete = 0
        var due = 0
        var overdue = 0

        var total: Int { complete + due + overdue }

        func count(_ status: ComplianceReport.Status) -> Int {
            switch status {
            case .complete: complete
            case .due: due
            case .overdue: overdue
            }
        }

        /// `count(status)` as a whole percentage of the group (rounded half up; 0 for an empty group).
        func percent(_ status: ComplianceReport.Status) -> Int {
            total == 0 ? 0 : (count(status) * 200 + total) / (2 * total)
        }

        mutating func add(_ status: ComplianceReport.Status) {
            switch status {
            case .complete: complete += 1
            case .due: due += 1
            case .overdue: overdue += 1
            }
        }
    }

    /// The view's rows in one tally.
    var total: Tally {
        var tally = Tally(name: nil)
        for row in rows { tally.add(row.status) }
        return tally
    }

    /// The view's rows counted by `group` (a district, school or role), by name (those without one last).
    func tallies(by group: KeyPath<ComplianceReport.Row, String?>) -> [Tally] {
        var byName: [String?: Tally] = [:]
        for row in rows {
            let name = row[keyPath: group]
            byName[name, default: Tally(name: name)].add(row.status)
        }
        return byName.values.sorted { ($0.name ?? "\u{10FFFF}").lowercased() < ($1.name ?? "\u{10FFFF}").lowercased() }
    }

    /// The names the form offers for `group`: those of the rows the administrator may see.
    func choices(_ group: KeyPath<ComplianceReport.Row, String?>) -> [String] {
        Set(visible.compactMap { $0[keyPath: group] }).sorted { $0.lowercased() < $1.lowercased() }
    }

    /// The people of the view a reminder goes to: due or overdue.
    var needingReminder: [ComplianceReport.Row] { rows.filter { $0.status != .complete } }

    /// The columns of the people table and of its CSV, in order.
    static let columns = ["name", "employee id", "district", "school", "role", "status", "due", "completed"]

    /// A row's cells under ``columns``: the same on the page and in the CSV.
    static func cells(_ row: ComplianceReport.Row) -> [String] {
        [
            row.name, row.employeeID ?? "", row.district ?? "", row.school ?? "", row.role ?? "", statusWords(row.status),
            row.dueDate.description, row.completed?.description ?? "",
        ]
    }

    /// The view's people as CSV (RFC 4180, CRLF), the rows of the page's table.
    var csv: String { CSVText(columns: Self.columns, rows: rows.map(Self.cells)).text }

    static func statusWords(_ status: ComplianceReport.Status) -> String {
        switch status {
        case .complete: "complete"
        case .due: "due"
        case .overdue: "overdue"
        }
    }
}

import Foundation
import Records

/// The filters of the compliance dashboard, as its GET form sends them (`district`, `school`,
/// `role`, `status`; an empty or missing field filters nothing). The same query gives the page,
/// its CSV and its reminders, so each is exactly the view on screen.
struct DashboardFilter: Sendable, Equatable {
    var district: String?
    var school: String?
    var role: String?
    var status: ComplianceReport.Status?

    static let fieldNames = ["district", "school", "role", "status"]

    init(district: String? = nil, school: String? = nil, role: String? = nil, status: ComplianceReport.Status? = nil) {
        self.district = district
        self.school = school
        self.role = role
        self.status = status
    }

    /// The filter of a query or a form: `value(name)` is a field's value, nil when absent. An
    /// unknown status filters nothing.
    init(_ value: (String) -> String?) {
        func field(_ name: String) -> String? {
            value(name).map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        self.init(
            district: field("district"), school: field("school"), role: field("role"),
            status: field("status").flatMap(ComplianceReport.Status.init(rawValue:)))
    }

    /// Whether `row` is in the view (case and extra spaces ignored, as the roster matches names).
    func admits(_ row: ComplianceReport.Row) -> Bool {
        Self.matches(district, row.district) && Self.matches(school, row.school) && Self.matches(role, row.role)
            && (status == nil || row.status == status)
    }

    /// This filter with `change` applied: a drill-down link's.
    func with(_ change: (inout DashboardFilter) -> Void) -> DashboardFilter {
        var changed = self
        change(&changed)
        return changed
    }

    /// The query string of the view (`?school=…&status=due`), empty with no filter.
    var query: String {
        let pairs = [("district", district), ("school", school), ("role", role), ("status", status?.rawValue)]
            .compactMap { name, value in value.map { "\(name)=\(Self.encoded($0))" } }
        return pairs.isEmpty ? "" : "?" + pairs.joined(separator: "&")
    }

    /// The filter in words, for the page's heading and the audit log: "school Redwood High, status due".
    var words: String {
        let parts = [("district", district), ("school", school), ("role", role), ("status", status?.rawValue)]
            .compactMap { name, value in value.map { "\(name) \($0)" } }
        return parts.isEmpty ? "everyone" : parts.joined(separator: ", ")
    }

    private static func matches(_ wanted: String?, _ value: String?) -> Bool {
        guard let wanted else { return true }
        return value.map { MatchingText.folded($0) == MatchingText.folded(wanted) } ?? false
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    private static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}

import Foundation
import Records

/// One attendee as the facilitator types them: "Name" or "Name, employee id".
enum RosterLine {
    /// The attendee on `line`, or nil for a line with no name.
    static func attendee(_ line: String) -> Trainee? {
        let parts = line.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard let name = parts.first, !name.isEmpty else { return nil }
        let employeeID = parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil
        return Trainee(name: name, employeeID: employeeID)
    }
}

import Records
import TerminalUI

/// The counts of a roster import, school by school, then the people added, updated and removed.
enum RosterChangesTable {
    static func table(_ changes: RosterChanges) -> Table {
        Table(
            columns: ["school", "added", "updated", "removed", "unchanged"],
            rows: changes.bySchool.map { school in
                [school.school, "\(school.added)", "\(school.updated)", "\(school.removed)", "\(school.unchanged)"]
            })
    }
}

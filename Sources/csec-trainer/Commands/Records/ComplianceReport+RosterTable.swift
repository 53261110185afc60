import Records
import TerminalUI

extension ComplianceReport {
    /// The report's columns with a staff roster: who, where, and the completion's proof.
    var rosterTable: Table {
        Table(
            columns: [
                "name", "employee id", "district", "school", "role", "email", "completed", "verification code", "due",
                "status", "roster",
            ],
            rows: rows.map { row in
                [
                    row.name, row.employeeID ?? "", row.district ?? "", row.school ?? "", row.role ?? "", row.email ?? "",
                    row.completed?.description ?? "", row.verificationCode ?? "", row.dueDate.description,
                    row.status.rawValue, row.roster?.words ?? "",
                ]
            })
    }
}

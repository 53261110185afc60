import Foundation
import PostgresNIO
import Records
import Storage

/// The staff roster in the `staff_members` table of a county's PostgreSQL database (migration
/// 2), beside its records: the report joins the two in SQL. An import replaces the table's
/// rows in one transaction, under a lock that makes two imports take turns, so the roster
/// afterwards is the old one or the whole new one. An empty table is no roster.
public struct PostgresRosterRepository: RosterRepository {
    public let database: RecordDatabase

    /// The roster of `database`, which must be migrated to this csec-trainer's schema version.
    public static func open(_ database: RecordDatabase) async throws(StorageError) -> PostgresRosterRepository {
        try await database.requireCurrentSchema()
        return PostgresRosterRepository(database: database)
    }

    private var table: String { database.quotedSchema + ".staff_members" }

    public func roster() async throws(StorageError) -> StaffRoster? {
        let table = self.table
        let staff = try await database.run { client in
            try await Self.staff(from: try await client.query("SELECT \(unescaped: Self.columns) FROM \(unescaped: table)"))
        }
        return staff.isEmpty ? nil : StaffRoster(staff)
    }

    public func importRoster(_ staff: [StaffMember], scope: RosterImportScope) async throws(StorageError) -> RosterChanges {
        try RosterProblem.refuseDuplicates(in: staff)
        let table = self.table
        return try await database.run { client in
            try await client.withTransaction(logger: RecordDatabase.logger) { connection in
                try await connection.query("LOCK TABLE \(unescaped: table) IN EXCLUSIVE MODE", logger: RecordDatabase.logger)
                let current = try await Self.staff(
                    from: try await connection.query(
                        "SELECT \(unescaped: Self.columns) FROM \(unescaped: table)", logger: RecordDatabase.logger))
                let (roster, changes) = StaffRoster(current).importing(staff, scope: scope)
                try await connection.query("DELETE FROM \(unescaped: table)", logger: RecordDatabase.logger)
                let members = roster.staff
                // One statement for the whole roster: each column as an array ("" for none).
                try await connection.query(
                    """
                    INSERT INTO \(unescaped: table)
                        (employee_key, employee_id, name, email, school, district, role, hire_date, roster_name_key)
                    SELECT key, id, name, NULLIF(email, ''), school, NULLIF(district, ''), NULLIF(role, ''),
                        NULLIF(hired, '')::date, name_key
                    FROM unnest(\(members.map(\.employeeKey)), \(members.map(\.employeeID)), \(members.map(\.name)),
                        \(members.map { $0.email ?? "" }), \(members.map(\.school)), \(members.map { $0.district ?? "" }),
                        \(members.map { $0.role ?? "" }), \(members.map { $0.hireDate?.description ?? "" }),
                        \(members.map { ComplianceReport.rosterNameKey(name: $0.name, school: $0.school) }))
                        AS incoming(key, id, name, email, school, district, role, hired, name_key)
                    """, logger: RecordDatabase.logger)
                return changes
            }
        }
    }

    private static let columns = "employee_id, name, email, school, district, role, hire_date::text"

    private static func staff(from rows: PostgresRowSequence) async throws -> [StaffMember] {
        var staff: [StaffMember] = []
        for try await (id, name, email, school, district, role, hired) in rows.decode(
            (String, String, String?, String, String?, String?, String?).self)
        {
            staff.append(
                StaffMember(
                    employeeID: id, name: name, email: email, school: school, district: district, role: role,
                    hireDate: hired.flatMap { CalendarDate($0) }))
        }
        return staff
    }
}

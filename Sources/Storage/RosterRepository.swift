import Records

/// Where the staff roster is kept, whatever the backend: one JSON file in the data directory
/// for the embedded default (``FileRosterRepository``), a table for PostgreSQL.
///
/// An import is all or nothing: the roster afterwards is the old one or the whole new one.
public protocol RosterRepository: Sendable {
    /// The roster, or nil when none has been imported (reports then list only people with
    /// records, as before).
    func roster() async throws(StorageError) -> StaffRoster?

    /// Imports `staff` (unique employee ids) and returns what changed; see
    /// ``StaffRoster/importing(_:scope:)`` for what `scope` replaces. Two imports at once are
    /// applied one after the other: neither loses the other's people.
    func importRoster(_ staff: [StaffMember], scope: RosterImportScope) async throws(StorageError) -> RosterChanges
}

extension RosterRepository {
    /// What importing `staff` would change, changing nothing (a dry run).
    public func previewImport(_ staff: [StaffMember], scope: RosterImportScope) async throws(StorageError) -> RosterChanges {
        try RosterProblem.refuseDuplicates(in: staff)
        return (try await roster() ?? StaffRoster()).importing(staff, scope: scope).changes
    }
}

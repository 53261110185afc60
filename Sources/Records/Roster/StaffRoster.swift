/// A district's staff roster: everyone expected to complete the training, by employee id.
///
/// Pure: importing a new list returns the new roster and what changed, and nothing is stored
/// here (see `RosterRepository` in the Storage module).
public struct StaffRoster: Sendable, Codable, Equatable {
    /// Everyone, by school, then name (ignoring case and, for schools, extra spaces), then employee id.
    public private(set) var staff: [StaffMember]

    public init(_ staff: [StaffMember] = []) {
        self.staff = Self.ordered(staff)
    }

    /// The roster after importing `incoming`, a list with unique employee ids (the CSV reader
    /// refuses duplicates), and what changes.
    ///
    /// With ``RosterImportScope/schoolsNamed`` (a school's own list), the people of the schools
    /// that `incoming` names who are not in it leave the roster, and the other schools' people
    /// stay as they are; with ``RosterImportScope/wholeRoster`` (the district's full list),
    /// everyone not in it leaves. Either way a person is known by employee id: one who is listed
    /// at another school than before moves there (updated), wherever they were.
    public func importing(_ incoming: [StaffMember], scope: RosterImportScope) -> (roster: StaffRoster, changes: RosterChanges) {
        var current: [String: StaffMember] = [:]
        for member in staff { current[member.employeeKey] = member }
        var changes = RosterChanges()
        var listed: Set<String> = []
        var firstListing: [StaffMember] = []
        for member in incoming where listed.insert(member.employeeKey).inserted {
            firstListing.append(member)
            switch current[member.employeeKey] {
            case nil: changes.added.append(member)
            case member: changes.unchangedBySchool[member.school, default: 0] += 1
            default: changes.updated.append(member)
            }
        }
        let namedSchools = Set(incoming.map { MatchingText.folded($0.school) })
        var kept: [StaffMember] = []
        for member in staff where !listed.contains(member.employeeKey) {
            let leaves = scope == .wholeRoster || namedSchools.contains(MatchingText.folded(member.school))
            if leaves { changes.removed.append(member) } else { kept.append(member) }
        }
        changes.added = Self.ordered(changes.added)
        changes.updated = Self.ordered(changes.updated)
        changes.removed = Self.ordered(changes.removed)
        return (StaffRoster(kept + firstListing), changes)
    }

    private static func ordered(_ staff: [StaffMember]) -> [StaffMember] {
        staff.map { (key: [MatchingText.folded($0.school), $0.name.lowercased(), $0.employeeID], member: $0) }
            .sorted { $0.key.lexicographicallyPrecedes($1.key) }
            .map(\.member)
    }
}

/// What an imported list replaces.
public enum RosterImportScope: String, Sendable, Codable, CaseIterable {
    /// The people of the schools the list names (a school sends its own staff list).
    case schoolsNamed
    /// The whole roster (the district's full staff list).
    case wholeRoster
}

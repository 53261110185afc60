/// What importing a roster changes: who is added, whose details change, who is removed, and
/// how many stay as they were, in all and school by school.
public struct RosterChanges: Sendable, Codable, Equatable {
    /// People not on the roster before.
    public var added: [StaffMember]
    /// People already on the roster (by employee id) with other details now: their new details.
    public var updated: [StaffMember]
    /// People taken off the roster.
    public var removed: [StaffMember]
    /// People listed again with the same details, by school.
    public var unchangedBySchool: [String: Int]

    public init(
        added: [StaffMember] = [], updated: [StaffMember] = [], removed: [StaffMember] = [],
        unchangedBySchool: [String: Int] = [:]
    ) {
        self.added = added
        self.updated = updated
        self.removed = removed
        self.unchangedBySchool = unchangedBySchool
    }

    public var unchanged: Int { unchangedBySchool.values.reduce(0, +) }

    /// True when the import changes nothing.
    public var isEmpty: Bool { added.isEmpty && updated.isEmpty && removed.isEmpty }

    /// The counts of one school.
    public struct SchoolCounts: Sendable, Codable, Equatable {
        public var school: String
        public var added: Int
        public var updated: Int
        public var removed: Int
        public var unchanged: Int

        public init(school: String, added: Int, updated: Int, removed: Int, unchanged: Int) {
            self.school = school
            self.added = added
            self.updated = updated
            self.removed = removed
            self.unchanged = unchanged
        }
    }

    /// The counts school by school, in the order of the schools' names. A person who moved
    /// counts as updated at their new school.
    public var bySchool: [SchoolCounts] {
        var counts: [String: SchoolCounts] = [:]
        func count(_ school: String, _ change: WritableKeyPath<SchoolCounts, Int>, by amount: Int = 1) {
            counts[school, default: SchoolCounts(school: school, added: 0, updated: 0, removed: 0, unchanged: 0)][
                keyPath: change] += amount
        }
        for member in added { count(member.school, \.added) }
        for member in updated { count(member.school, \.updated) }
        for member in removed { count(member.school, \.removed) }
        for (school, unchanged) in unchangedBySchool { count(school, \.unchanged, by: unchanged) }
        return counts.values.sorted { $0.school.lowercased() < $1.school.lowercased() }
    }
}

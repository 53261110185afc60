import Records
import Testing

/// What an import replaces, and what it reports as changed.
struct StaffRosterTests {
    static let ana = StaffMember(employeeID: "E-1", name: "Ana Ruiz", school: "Lincoln")
    static let ben = StaffMember(employeeID: "E-2", name: "Ben Ode", school: "Lincoln")
    static let cy = StaffMember(employeeID: "E-3", name: "Cy Park", school: "Hoover")
    static let existing = StaffRoster([ana, ben, cy])

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var incoming: [StaffMember]
        var scope: RosterImportScope
        var added: [String]
        var updated: [String]
        var removed: [String]
        var unchanged: Int
        var after: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "a school's list removes only that school's missing people", incoming: [ana], scope: .schoolsNamed,
            added: [], updated: [], removed: ["E-2"], unchanged: 1, after: ["E-3", "E-1"]),
        Case(
            name: "the whole roster's list removes everyone missing", incoming: [ana], scope: .wholeRoster,
            added: [], updated: [], removed: ["E-3", "E-2"], unchanged: 1, after: ["E-1"]),
        Case(
            name: "a new person is added, another school untouched",
            incoming: [ana, ben, StaffMember(employeeID: "E-4", name: "Di Wu", school: "Lincoln")], scope: .schoolsNamed,
            added: ["E-4"], updated: [], removed: [], unchanged: 2, after: ["E-3", "E-1", "E-2", "E-4"]),
        Case(
            name: "changed details are an update",
            incoming: [ana, StaffMember(employeeID: "E-2", name: "Ben Ode", school: "Lincoln", role: "counselor")],
            scope: .schoolsNamed, added: [], updated: ["E-2"], removed: [], unchanged: 1, after: ["E-3", "E-1", "E-2"]),
        Case(
            name: "a person listed at another school moves there",
            incoming: [StaffMember(employeeID: "e-3 ", name: "Cy Park", school: "Lincoln"), ana, ben], scope: .schoolsNamed,
            added: [], updated: ["e-3 "], removed: [], unchanged: 2, after: ["E-1", "E-2", "e-3 "]),
        Case(
            name: "school names match ignoring case and spaces",
            incoming: [StaffMember(employeeID: "E-5", name: "Eve Li", school: " lincoln ")], scope: .schoolsNamed,
            added: ["E-5"], updated: [], removed: ["E-1", "E-2"], unchanged: 0, after: ["E-3", "E-5"]),
    ]

    @Test(arguments: cases)
    func anImport(_ example: Case) {
        let (roster, changes) = Self.existing.importing(example.incoming, scope: example.scope)
        #expect(changes.added.map(\.employeeID) == example.added)
        #expect(changes.updated.map(\.employeeID) == example.updated)
        #expect(changes.removed.map(\.employeeID) == example.removed)
        #expect(changes.unchanged == example.unchanged)
        #expect(roster.staff.map(\.employeeID) == example.after)
    }

    @Test func importingTheSameListAgainChangesNothing() {
        let (roster, changes) = Self.existing.importing([Self.ana, Self.ben, Self.cy], scope: .wholeRoster)
        #expect(changes.isEmpty)
        #expect(roster == Self.existing)
    }

    @Test func countsAreGivenSchoolBySchool() {
        let incoming = [Self.ana, StaffMember(employeeID: "E-4", name: "Di Wu", school: "Hoover")]
        let counts = Self.existing.importing(incoming, scope: .wholeRoster).changes.bySchool
        #expect(
            counts == [
                .init(school: "Hoover", added: 1, updated: 0, removed: 1, unchanged: 0),
                .init(school: "Lincoln", added: 0, updated: 0, removed: 1, unchanged: 1),
            ])
    }

    @Test(arguments: [
        ("Nguyễn Thị  Minh", "nguyen thi minh"), ("O'Neil, Pat", "o neil pat"), ("  ANA-MARIA Ruiz ", "ana maria ruiz"),
    ])
    func namesAreComparedWithoutCaseAccentsOrPunctuation(_ written: String, _ compared: String) {
        #expect(MatchingText.name(written) == compared)
    }
}

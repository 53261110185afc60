/// One person on a district's staff roster (imported from its `staff.csv`): whoever is on the
/// roster is expected to complete the training, whether or not they have started it.
///
/// The employee id is the person's key: unique in the roster, and what completion records are
/// matched by first. Stored in docs/staff-roster.md's format.
public struct StaffMember: Sendable, Codable, Hashable {
    public var employeeID: String
    public var name: String
    public var email: String?
    public var school: String
    /// The district or county office (LEA), when the roster gives it.
    public var district: String?
    /// "teacher", "counselor", "office staff"…
    public var role: String?
    /// The first day of employment, when known: training is then due six weeks after it.
    public var hireDate: CalendarDate?

    public init(
        employeeID: String, name: String, email: String? = nil, school: String, district: String? = nil,
        role: String? = nil, hireDate: CalendarDate? = nil
    ) {
        self.employeeID = employeeID
        self.name = name
        self.email = email
        self.school = school
        self.district = district
        self.role = role
        self.hireDate = hireDate
    }

    /// The employee id as records are matched by it: case and extra spaces ignored.
    public var employeeKey: String { MatchingText.folded(employeeID) }
}

extension ComplianceReport {
    /// The report with the staff roster: one row for everyone on the roster, complete, due or
    /// overdue, those with no attempt included; then a row for each person with records who is
    /// not on it (``RosterStanding/notOnRoster``).
    ///
    /// A record is matched to the roster by its employee id (case and spaces ignored). A record
    /// without one is matched by name and school (case, accents, punctuation and spaces ignored)
    /// when exactly one person on the roster has both; its row is then marked
    /// ``RosterStanding/confirmMatch``. A record whose employee id is not on the roster is not
    /// matched by name. Rows take the roster's details (name, email, school, district, role,
    /// hire date), and the record's where the roster has none.
    public init(completions: [CompletionSummary], roster: StaffRoster, schoolYear: SchoolYear, asOf: CalendarDate) {
        self.schoolYear = schoolYear.description
        self.asOf = asOf
        var byEmployeeKey: [String: StaffMember] = [:]
        var byNameAndSchool: [String: [StaffMember]] = [:]
        for member in roster.staff {
            byEmployeeKey[member.employeeKey] = member
            byNameAndSchool[Self.nameAndSchoolKey(name: member.name, school: member.school), default: []].append(member)
        }
        var matched: [String: (byName: Bool, completions: [CompletionSummary])] = [:]
        var unmatched: [CompletionSummary] = []
        for completion in completions where completion.completedAt.calendarDate <= schoolYear.end {
            let trainee = completion.trainee
            let id = trainee.employeeID.map(MatchingText.folded) ?? ""
            if !id.isEmpty {
                if byEmployeeKey[id] != nil {
                    matched[id, default: (false, [])].completions.append(completion)
                } else {
                    unmatched.append(completion)
                }
            } else if let school = trainee.school,
                let candidates = byNameAndSchool[Self.nameAndSchoolKey(name: trainee.name, school: school)],
                candidates.count == 1
            {
                matched[candidates[0].employeeKey, default: (false, [])].completions.append(completion)
                matched[candidates[0].employeeKey]?.byName = true
            } else {
                unmatched.append(completion)
            }
        }

        var rows: [Row] = []
        rows.reserveCapacity(roster.staff.count)
        for member in roster.staff {
            let found = matched[member.employeeKey]
            let ordered = (found?.completions ?? []).sorted { $0.completedAt < $1.completedAt }
            let recorded = ordered.last?.trainee
            let person = Trainee(
                name: member.name, employeeID: member.employeeID, email: member.email ?? recorded?.email,
                school: member.school, district: member.district ?? recorded?.district, role: member.role ?? recorded?.role,
                hireDate: member.hireDate ?? recorded?.hireDate)
            rows.append(
                Self.rosterRow(
                    for: person, completions: ordered, standing: found?.byName == true ? .confirmMatch : .listed,
                    schoolYear: schoolYear, asOf: asOf))
        }
        for records in Dictionary(grouping: unmatched, by: { PersonKey($0.trainee) }).values {
            let ordered = records.sorted { $0.completedAt < $1.completedAt }
            rows.append(
                Self.rosterRow(
                    for: ordered[ordered.count - 1].trainee, completions: ordered, standing: .notOnRoster,
                    schoolYear: schoolYear, asOf: asOf))
        }
        self.rows = Self.ordered(rows)
    }

    private static func rosterRow(
        for person: Trainee, completions: [CompletionSummary], standing: RosterStanding, schoolYear: SchoolYear,
        asOf: CalendarDate
    ) -> Row {
        var row = row(for: person, completions: completions, schoolYear: schoolYear, asOf: asOf)
        row.district = person.district
        row.role = person.role
        row.verificationCode = row.recordID.flatMap { id in completions.last { $0.id == id }?.verificationCode }
        row.roster = standing
        return row
    }

    private static func nameAndSchoolKey(name: String, school: String) -> String {
        MatchingText.name(name) + "\n" + MatchingText.folded(school)
    }
}

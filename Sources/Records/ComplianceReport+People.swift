/// The report assembled from what it needs of each person, for a backend that groups the
/// records itself (PostgreSQL does it in SQL): the person's latest record until the year's end,
/// their latest passing completion in the year, and their attempts in the year. Gives the same
/// rows as ``ComplianceReport/init(completions:schoolYear:asOf:)`` over the same records.
extension ComplianceReport {
    /// One person's share of the records, as the report reads it.
    public struct Person: Sendable, Equatable {
        /// The latest record completed until the end of the school year: it gives the name,
        /// school and hire date.
        public var latest: CompletionSummary
        /// The latest record in the school year that completes the training.
        public var passing: CompletionSummary?
        /// Records completed in the school year, passed or not.
        public var attempts: Int

        public init(latest: CompletionSummary, passing: CompletionSummary?, attempts: Int) {
            self.latest = latest
            self.passing = passing
            self.attempts = attempts
        }
    }

    /// The key that tells people apart across records (employee id, else email, else name,
    /// normalised), as the report groups them: a backend stores it beside each record.
    public static func personKey(of trainee: Trainee) -> String {
        PersonKey(trainee).value
    }

    public init(people: [Person], schoolYear: SchoolYear, asOf: CalendarDate) {
        self.schoolYear = schoolYear.description
        self.asOf = asOf
        rows = Self.ordered(
            people.map { Self.row(for: $0.latest.trainee, person: $0, schoolYear: schoolYear, asOf: asOf) })
    }

    /// The report with the staff roster (as ``init(completions:roster:schoolYear:asOf:)`` makes
    /// it) from each roster member's share of the records, by ``StaffMember/employeeKey``
    /// (`byName` when a record was matched by name and school), and the people with records
    /// who are not on the roster.
    public init(
        roster: StaffRoster, matched: [String: (person: Person, byName: Bool)], unmatched: [Person],
        schoolYear: SchoolYear, asOf: CalendarDate
    ) {
        self.schoolYear = schoolYear.description
        self.asOf = asOf
        var rows: [Row] = []
        rows.reserveCapacity(roster.staff.count + unmatched.count)
        for member in roster.staff {
            let found = matched[member.employeeKey]
            let recorded = found?.person.latest.trainee
            let trainee = Trainee(
                name: member.name, employeeID: member.employeeID, email: member.email ?? recorded?.email,
                school: member.school, district: member.district ?? recorded?.district, role: member.role ?? recorded?.role,
                hireDate: member.hireDate ?? recorded?.hireDate)
            rows.append(
                Self.rosterRow(
                    for: trainee, person: found?.person, standing: found?.byName == true ? .confirmMatch : .listed,
                    schoolYear: schoolYear, asOf: asOf))
        }
        for person in unmatched {
            rows.append(
                Self.rosterRow(
                    for: person.latest.trainee, person: person, standing: .notOnRoster, schoolYear: schoolYear, asOf: asOf))
        }
        self.rows = Self.ordered(rows)
    }

    /// The key a record without an employee id is matched to the roster by: its name and school,
    /// as ``init(completions:roster:schoolYear:asOf:)`` compares them.
    public static func rosterNameKey(name: String, school: String) -> String {
        MatchingText.name(name) + "\n" + MatchingText.folded(school)
    }

    private static func row(for trainee: Trainee, person: Person?, schoolYear: SchoolYear, asOf: CalendarDate) -> Row {
        let due = Self.dueDate(hired: trainee.hireDate, in: schoolYear)
        let passing = person?.passing
        let status: Status = passing != nil ? .complete : asOf <= due ? .due : .overdue
        return Row(
            name: trainee.name, employeeID: trainee.employeeID, email: trainee.email, school: trainee.school,
            dueDate: due, status: status, completed: passing?.completedAt.calendarDate, percent: passing?.outcome.percent,
            recordID: passing?.id, attempts: person?.attempts ?? 0)
    }

    private static func rosterRow(
        for trainee: Trainee, person: Person?, standing: RosterStanding, schoolYear: SchoolYear, asOf: CalendarDate
    ) -> Row {
        var row = row(for: trainee, person: person, schoolYear: schoolYear, asOf: asOf)
        row.district = trainee.district
        row.role = trainee.role
        row.verificationCode = person?.passing?.verificationCode
        row.roster = standing
        return row
    }
}

extension ComplianceReport {
    /// Each person's share of `completions`, grouped and chosen as the report does.
    public static func people(from completions: [CompletionSummary], schoolYear: SchoolYear) -> [Person] {
        let untilYearEnd = completions.filter { $0.completedAt.calendarDate <= schoolYear.end }
        return Dictionary(grouping: untilYearEnd) { PersonKey($0.trainee) }.values.map { records in
            let ordered = records.sorted { $0.completedAt < $1.completedAt }
            let attempts = ordered.filter { schoolYear.contains($0.completedAt.calendarDate) }
            return Person(
                latest: ordered[ordered.count - 1], passing: attempts.last { $0.outcome.completesTraining },
                attempts: attempts.count)
        }
    }
}

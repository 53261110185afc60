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
        let unsorted = people.map { person in
            let trainee = person.latest.trainee
            let due = Self.dueDate(hired: trainee.hireDate, in: schoolYear)
            let status: Status = person.passing != nil ? .complete : asOf <= due ? .due : .overdue
            return Row(
                name: trainee.name, employeeID: trainee.employeeID, email: trainee.email, school: trainee.school,
                dueDate: due, status: status, completed: person.passing?.completedAt.calendarDate,
                percent: person.passing?.outcome.percent, recordID: person.passing?.id, attempts: person.attempts)
        }
        rows = Self.ordered(unsorted)
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

import Records
import Testing

/// When refreshers fall due after a pass: 3 and 9 weeks after it, one at a time, only before
/// the training is due again.
struct RefresherScheduleTests {
    static let year = SchoolYear("2026-2027")!

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var passed: String
        var taken: Int
        var asOf: String
        /// The day the refresher due fell due; nil when none is.
        var dueSince: String?
        var testDescription: String { name }
    }

    static let cases = [
        Case(name: "too soon after the pass", passed: "2026-09-15", taken: 0, asOf: "2026-10-05", dueSince: nil),
        Case(name: "the first, three weeks on", passed: "2026-09-15", taken: 0, asOf: "2026-10-06", dueSince: "2026-10-06"),
        Case(name: "the first taken, the second not yet", passed: "2026-09-15", taken: 1, asOf: "2026-11-16", dueSince: nil),
        Case(name: "the second, nine weeks on", passed: "2026-09-15", taken: 1, asOf: "2026-11-17", dueSince: "2026-11-17"),
        Case(
            name: "the first missed is still owed", passed: "2026-09-15", taken: 0, asOf: "2026-12-01", dueSince: "2026-10-06"),
        Case(name: "both taken", passed: "2026-09-15", taken: 2, asOf: "2027-03-01", dueSince: nil),
        Case(
            name: "a late pass: the second would fall after the training is due again", passed: "2027-06-20", taken: 1,
            asOf: "2027-08-30", dueSince: nil),
        Case(
            name: "a late pass: its first, before the training is due again", passed: "2027-06-20", taken: 0,
            asOf: "2027-08-11", dueSince: "2027-07-11"),
        Case(
            name: "none once the training is due again", passed: "2027-06-20", taken: 0, asOf: "2027-08-12", dueSince: nil),
    ]

    @Test(arguments: cases)
    func refresherDue(_ example: Case) throws {
        let passed = try #require(CalendarDate(example.passed))
        let nextDue = RefresherSchedule.nextTrainingDue(afterPassingOn: passed, schoolYearsLike: Self.year)
        let due = RefresherSchedule.standard.due(
            passedOn: passed, nextDue: nextDue, refreshersTaken: example.taken, asOf: try #require(CalendarDate(example.asOf)))
        #expect(due?.description == example.dueSince)
    }

    @Test(arguments: [
        ("2026-09-15", "2026-07-01", "2027-08-12"),
        ("2027-06-30", "2026-07-01", "2027-08-12"),
        ("2027-07-01", "2026-07-01", "2028-08-12"),
        ("2026-08-19", "2026-08-20", "2026-10-01"),
        ("2026-08-20", "2026-08-20", "2027-10-01"),
    ])
    func theTrainingIsNextDueSixWeeksIntoTheNextSchoolYear(passed: String, firstDay: String, nextDue: String) throws {
        let year = try #require(SchoolYear("2026-2027", start: CalendarDate(firstDay)))
        let due = RefresherSchedule.nextTrainingDue(afterPassingOn: try #require(CalendarDate(passed)), schoolYearsLike: year)
        #expect(due.description == nextDue)
    }

    @Test func onlyTheRefreshersBeforeTheTrainingIsDueAgainAreScheduled() throws {
        let passed = try #require(CalendarDate("2027-06-20"))
        let nextDue = try #require(CalendarDate("2027-08-12"))
        #expect(RefresherSchedule.standard.dates(afterPassingOn: passed, nextDue: nextDue).map(\.description) == ["2027-07-11"])
        #expect(RefresherSchedule(weeksAfterPassing: [9, 3]).weeksAfterPassing == [3, 9])
    }
}

/// When refreshers fall due after a passed attempt: a fixed number of weeks after the pass (by
/// default 3 and 9, so the practice is spaced over weeks while the training is fresh), each only
/// while it falls before the training is next due (six weeks into the next school year, as the
/// compliance report counts it): then the person trains again instead.
///
/// Pure: the dates are given.
public struct RefresherSchedule: Sendable, Equatable {
    /// The weeks after the pass at which each refresher falls due, in order.
    public var weeksAfterPassing: [Int]

    public init(weeksAfterPassing: [Int]) {
        self.weeksAfterPassing = weeksAfterPassing.sorted()
    }

    /// 3 and 9 weeks after the pass.
    public static let standard = RefresherSchedule(weeksAfterPassing: [3, 9])

    /// The dates the refreshers fall due after a pass on `passed`, those before `nextDue` only.
    public func dates(afterPassingOn passed: CalendarDate, nextDue: CalendarDate) -> [CalendarDate] {
        weeksAfterPassing.map { passed.adding(days: $0 * 7) }.filter { $0 < nextDue }
    }

    /// The date the refresher a person should take now fell due, as of `asOf`: the first of the
    /// scheduled dates after `taken` refreshers since the pass, when it has come and the training
    /// is not yet due again; nil when none is due.
    public func due(
        passedOn passed: CalendarDate, nextDue: CalendarDate, refreshersTaken taken: Int, asOf: CalendarDate
    ) -> CalendarDate? {
        let dates = dates(afterPassingOn: passed, nextDue: nextDue)
        guard asOf < nextDue, taken >= 0, taken < dates.count, dates[taken] <= asOf else { return nil }
        return dates[taken]
    }

    /// The date training is next due after a pass on `passed`: six weeks after the first day of
    /// the first school year that starts after it, school years starting on the day `year` does.
    public static func nextTrainingDue(afterPassingOn passed: CalendarDate, schoolYearsLike year: SchoolYear)
        -> CalendarDate
    {
        let firstDay = year.start
        var startYear = passed.year
        if let start = CalendarDate(year: startYear, month: firstDay.month, day: firstDay.day), start <= passed {
            startYear += 1
        }
        guard let start = CalendarDate(year: startYear, month: firstDay.month, day: firstDay.day),
            let next = SchoolYear("\(startYear)-\(startYear + 1)", start: start)
        else { return passed.adding(days: 365 + ComplianceReport.weeksToComplete * 7) }
        return ComplianceReport.dueDate(hired: nil, in: next)
    }
}

/// A school year such as 2026-2027: from its first day to the day before the next one starts.
///
/// By default it starts on July 1, the first day of the school year in California law
/// (Education Code 37200); a district whose staff start later can give its own first day.
public struct SchoolYear: Sendable, Equatable, CustomStringConvertible {
    public let start: CalendarDate
    /// The last day: one year after `start`, less a day.
    public let end: CalendarDate

    /// Reads "2026-2027" (two consecutive years). `start` must fall between July 1 and
    /// December 31 of the first year.
    public init?(_ label: String, start: CalendarDate? = nil) {
        let years = label.split(separator: "-")
        guard years.count == 2, let first = Int(years[0]), let second = Int(years[1]), second == first + 1,
            let july = CalendarDate(year: first, month: 7, day: 1)
        else { return nil }
        let start = start ?? july
        guard start.year == first, start.month >= 7,
            let nextStart = CalendarDate(year: first + 1, month: start.month, day: start.day)
        else { return nil }
        self.start = start
        end = nextStart.adding(days: -1)
    }

    public func contains(_ date: CalendarDate) -> Bool { start <= date && date <= end }

    public var description: String { "\(start.year)-\(start.year + 1)" }
}

import Charts
import Foundation
import Records

/// The dashboard's completions over time against the deadline: for each week since a person's
/// own start (the start of the school year, or their hire date when hired during it, the day
/// their deadline counts from), how many of the view's people had completed the training by
/// then. The deadline is the compliance report's own (``ComplianceReport/weeksToComplete`` after
/// that start); each person's start is read back from the due date the report gave them, so
/// nothing here decides a deadline.
///
/// Every person of the view is counted in the share, those whose start is recent too (they have
/// not yet had all the weeks): the line's right end is a floor, not a forecast. A completion on
/// or before the start counts in week 0.
public struct CompletionsOverTime: Sendable, Equatable {
    /// The view's people.
    public let people: Int
    /// `completed[week]`: the people who had completed within `week` weeks of their start, from
    /// week 0 to the last week anyone's clock has reached (at least the deadline's).
    public let completed: [Int]

    /// The deadline, in weeks after the start.
    public static let deadlineWeek = ComplianceReport.weeksToComplete

    public init(rows: [ComplianceReport.Row], asOf: CalendarDate) {
        people = rows.count
        // Each day's distance from `asOf`, counted once: a year has few distinct days, a district many people.
        var fromToday: [CalendarDate: Int] = [:]
        func number(_ day: CalendarDate) -> Int {
            if let known = fromToday[day] { return known }
            let days = Self.days(from: asOf, to: day)
            fromToday[day] = days
            return days
        }
        var weeksOfCompletion: [Int] = []
        var lastWeek = Self.deadlineWeek
        for row in rows {
            let start = number(Self.start(of: row))
            lastWeek = max(lastWeek, min(Self.longestWeeks, -start / 7))
            if let completed = row.completed {
                // Within `week` weeks: at most 7 × week days after the start.
                let week = min(Self.longestWeeks, max(0, (number(completed) - start + 6) / 7))
                weeksOfCompletion.append(week)
                lastWeek = max(lastWeek, week)
            }
        }
        var perWeek = Array(repeating: 0, count: lastWeek + 1)
        for week in weeksOfCompletion { perWeek[week] += 1 }
        var running = 0
        completed = perWeek.map { count in
            running += count
            return running
        }
    }

    /// A school year has 52 weeks and a day or two: no clock runs longer.
    static let longestWeeks = 53

    /// The day a row's deadline counts from: its due date less the report's weeks.
    static func start(of row: ComplianceReport.Row) -> CalendarDate {
        row.dueDate.adding(days: -ComplianceReport.weeksToComplete * 7)
    }

    /// Whole days from `first` to `second` (negative when `second` comes first).
    static func days(from first: CalendarDate, to second: CalendarDate) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        func date(_ day: CalendarDate) -> Date? {
            calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))
        }
        guard let from = date(first), let to = date(second) else { return 0 }
        return calendar.dateComponents([.day], from: from, to: to).day ?? 0
    }

    /// Those who completed by the deadline.
    public var completedByDeadline: Int { completed[Self.deadlineWeek] }

    /// `count` of the view's people in words: "9 of 12 (75%)".
    public func words(_ count: Int) -> String {
        "\(count) of \(people) (\(Self.percent(count, of: people))%)"
    }

    /// A whole percentage, rounded half up (as the dashboard's tallies round); 0 of nobody.
    static func percent(_ count: Int, of total: Int) -> Int {
        total == 0 ? 0 : (count * 200 + total) / (2 * total)
    }

    /// The chart: the share complete by week, the deadline marked.
    public var chart: LineChart {
        let weeks = Self.deadlineWeek
        let now = completed.last ?? 0
        return LineChart(
            title: "Completions against the \(weeks)-week deadline",
            summary: "The share of the \(people) \(people == 1 ? "person" : "people") in this view who had completed the "
                + "training within each week of their start (the start of the school year, or their hire date when hired "
                + "during it). By the deadline, week \(weeks): \(words(completedByDeadline)). "
                + "So far: \(words(now)). Recent starters have not yet had every week.",
            stepHeading: "Weeks since their start", valueHeading: "Completed (share of people)",
            points: completed.enumerated().map { week, count in
                LineChart.Point(
                    label: String(week), value: people == 0 ? 0 : Double(count) / Double(people), valueText: words(count))
            },
            marker: LineChart.Marker(point: weeks, label: "Deadline: \(weeks) weeks"))
    }
}

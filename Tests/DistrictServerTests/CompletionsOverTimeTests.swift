import Charts
import DistrictServer
import Foundation
import Records
import TestSupport
import Testing

/// The dashboard's completions by week against the deadline, from the compliance report's rows:
/// planted people whose weeks of completion are known.
@Suite struct CompletionsOverTimeTests {
    static let year = SchoolYear("2026-2027")!
    static let asOf = CalendarDate(year: 2026, month: 10, day: 1)!
    static let hired = CalendarDate(year: 2026, month: 9, day: 20)!

    /// A person with a passing record completed on `day` (nil: none), hired on `hired` (nil:
    /// before the year, so their weeks count from July 1).
    static func record(_ name: String, completed day: String?, hired: CalendarDate? = nil) -> CompletionRecord? {
        day.map { SampleRecords.record(name: name, hireDate: hired, completed: "\($0)T10:00:00-07:00") }
    }

    /// Eight people; their week of completion counted from their own start (July 1, or Sep 20).
    static let planted: [CompletionRecord] = [
        record("Week Zero", completed: "2026-07-01"),  // day 0: week 0
        record("Week One", completed: "2026-07-08"),  // day 7: week 1
        record("Week Two", completed: "2026-07-09"),  // day 8: week 2
        record("On The Deadline", completed: "2026-08-12"),  // day 42: week 6, on time
        record("A Day Late", completed: "2026-08-13"),  // day 43: week 7
        record("Hired In September", completed: "2026-09-21", hired: hired),  // day 1 of their own: week 1
        record("Not Yet", completed: nil),
        record("Hired Not Yet", completed: nil, hired: hired),
    ].compactMap { $0 }

    static func rows() -> [ComplianceReport.Row] {
        var rows = ComplianceReport(records: planted, schoolYear: year, asOf: asOf).rows
        // The two without a record: rows of the report with a roster (no record, due dates of their own).
        let roster = StaffRoster([
            StaffMember(employeeID: "N-1", name: "Not Yet", school: "Lincoln High"),
            StaffMember(employeeID: "N-2", name: "Hired Not Yet", school: "Lincoln High", hireDate: hired),
        ])
        rows += ComplianceReport(completions: [], roster: roster, schoolYear: year, asOf: asOf).rows
        return rows
    }

    @Test func eachWeekCountsThoseCompleteWithinItOfTheirStart() {
        let rows = Self.rows()
        #expect(rows.count == 8)
        let series = CompletionsOverTime(rows: rows, asOf: Self.asOf)
        #expect(series.people == 8)
        // July 1 to October 1 is 92 days: 13 whole weeks have passed for most of the view.
        #expect(series.completed == [1, 3, 4, 4, 4, 4, 5, 6, 6, 6, 6, 6, 6, 6])
        #expect(CompletionsOverTime.deadlineWeek == ComplianceReport.weeksToComplete)
        #expect(series.completedByDeadline == 5)
        // Those complete by the deadline are those the report marks complete on or before their due date.
        #expect(series.completedByDeadline == rows.count(where: { row in row.completed.map { $0 <= row.dueDate } == true }))
    }

    @Test func theChartIsTheSeriesWithTheDeadlineMarked() throws {
        let series = CompletionsOverTime(rows: Self.rows(), asOf: Self.asOf)
        let chart = series.chart
        #expect(chart.points.map(\.valueText) == series.completed.map { "\($0) of 8 (\(($0 * 200 + 8) / 16)%)" })
        #expect(chart.points.map(\.value) == series.completed.map { Double($0) / 8 })
        let marker = try #require(chart.marker)
        #expect(marker.point == ComplianceReport.weeksToComplete)
        #expect(chart.table.rows[marker.point][0].hasSuffix("(\(marker.label))"))
        #expect(chart.summary.contains("5 of 8 (63%)") && chart.summary.contains("6 of 8 (75%)"))
    }

    @Test func aViewWithoutPeopleIsAFlatLineToTheDeadline() {
        let series = CompletionsOverTime(rows: [], asOf: Self.asOf)
        #expect(series.people == 0)
        #expect(series.completed == Array(repeating: 0, count: ComplianceReport.weeksToComplete + 1))
        #expect(series.chart.points.allSatisfy { $0.value == 0 && $0.valueText == "0 of 0 (0%)" })
    }

    @Test func aRecentStartersLineEndsAtTheDeadlineAndCountsACompletionBeforeTheirStartInWeekZero() {
        let september = [
            Self.record("Early", completed: "2026-09-18", hired: Self.hired),
            Self.record("Later", completed: "2026-09-30", hired: Self.hired),
        ].compactMap { $0 }
        let rows = ComplianceReport(records: september, schoolYear: Self.year, asOf: Self.asOf).rows
        let series = CompletionsOverTime(rows: rows, asOf: Self.asOf)
        // Hired September 20, seen October 1: 11 days, the line goes to the deadline's week.
        #expect(series.completed == [1, 1, 2, 2, 2, 2, 2])
    }
}

import Foundation
import Records
import TestSupport
import Testing

struct ComplianceReportTests {
    let year = SchoolYear("2026-2027")!

    @Test func theSchoolYearRunsFromJulyFirstByDefault() throws {
        #expect(year.start.description == "2026-07-01")
        #expect(year.end.description == "2027-06-30")
        let district = try #require(SchoolYear("2026-2027", start: CalendarDate("2026-08-12")))
        #expect(district.end.description == "2027-08-11")
        #expect(SchoolYear("2026-2028") == nil)
        #expect(SchoolYear("2026-2027", start: CalendarDate("2027-08-12")) == nil, "the start must be in the first year")
        #expect(SchoolYear("2026-2027", start: CalendarDate("2026-01-05")) == nil, "and in its second half")
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var hireDate: String?
        var completions: [(String, Bool)]
        var asOf: String
        var due: String
        var status: ComplianceReport.Status
        var testDescription: String { name }
    }

    static let cases = [
        Case(
            name: "passed in the year", completions: [("2026-09-15T10:00:00-07:00", true)], asOf: "2026-10-01", due: "2026-08-12",
            status: .complete),
        Case(
            name: "no pass yet, within six weeks", completions: [("2026-07-20T10:00:00-07:00", false)], asOf: "2026-08-12",
            due: "2026-08-12", status: .due),
        Case(
            name: "no pass, six weeks gone", completions: [("2026-07-20T10:00:00-07:00", false)], asOf: "2026-08-13",
            due: "2026-08-12", status: .overdue),
        Case(
            name: "hired mid-year: six weeks from the hire date", hireDate: "2026-11-02",
            completions: [("2026-11-03T10:00:00-08:00", false)], asOf: "2026-12-10", due: "2026-12-14", status: .due),
        Case(
            name: "hired before the year: six weeks from its start", hireDate: "2019-08-20",
            completions: [("2026-07-03T10:00:00-07:00", false)], asOf: "2026-09-01", due: "2026-08-12", status: .overdue),
        Case(
            name: "a fail after a pass still counts the pass",
            completions: [("2026-08-01T10:00:00-07:00", true), ("2026-09-01T10:00:00-07:00", false)], asOf: "2026-10-01",
            due: "2026-08-12", status: .complete),
    ]

    @Test(arguments: cases)
    func dueDatesAndStatus(_ example: Case) throws {
        let records = example.completions.map { completed, passed in
            SampleRecords.record(
                employeeID: "E-1", hireDate: example.hireDate.flatMap(CalendarDate.init), completed: completed,
                passed: passed)
        }
        let report = ComplianceReport(records: records, schoolYear: year, asOf: try #require(CalendarDate(example.asOf)))
        let row = try #require(report.rows.first)
        #expect(report.rows.count == 1)
        #expect(row.dueDate.description == example.due)
        #expect(row.status == example.status)
        #expect(row.attempts == example.completions.count)
    }

    @Test func onePersonIsOneRowWhateverTheSpelling() throws {
        let records = [
            SampleRecords.record(
                name: "Ana Ruiz", employeeID: "E-7", completed: "2026-08-01T09:00:00-07:00", percent: 70, passed: false),
            SampleRecords.record(name: "Ana  Ruiz-Soto", employeeID: "e-7", completed: "2026-08-02T09:00:00-07:00", percent: 95),
            SampleRecords.record(name: "ana ruiz", completed: "2026-08-03T09:00:00-07:00", percent: 85),
            SampleRecords.record(name: "Ana Ruiz ", completed: "2026-08-04T09:00:00-07:00", percent: 88),
        ]
        let report = ComplianceReport(records: records, schoolYear: year, asOf: CalendarDate("2026-09-01")!)
        #expect(report.rows.count == 2, "by employee id, then by name when there is no id")
        let withID = try #require(report.rows.first { $0.employeeID != nil })
        #expect(withID.name == "Ana  Ruiz-Soto" && withID.percent == 95 && withID.attempts == 2)
        let byName = try #require(report.rows.first { $0.employeeID == nil })
        #expect(byName.percent == 88, "the latest passing completion")
    }

    /// Attending an offline room session completes the training, with no score to report; a
    /// failed attempt before it does not.
    @Test func groupAttendanceCompletesTheTrainingWithoutAScore() throws {
        var failed = SampleRecords.record(
            name: "Kim Lee", employeeID: "E-9", completed: "2026-08-20T09:00:00-07:00", percent: 50, passed: false)
        failed.id = UUID()
        let attended = SampleRecords.attendance(name: "Kim Lee", employeeID: "E-9", completed: "2026-09-10T15:00:00-07:00")
        let report = ComplianceReport(records: [failed, attended], schoolYear: year, asOf: CalendarDate("2026-10-01")!)
        let row = try #require(report.rows.first)
        #expect(report.rows.count == 1)
        #expect(row.status == .complete && row.completed?.description == "2026-09-10")
        #expect(row.percent == nil && row.attempts == 2 && row.recordID == attended.id.uuidString.lowercased())
    }

    @Test func attendingPartOfASessionDoesNotCompleteIt() throws {
        let part = SampleRecords.attendance(name: "Kim Lee", completed: "2026-09-10T15:00:00-07:00", covered: 2)
        let report = ComplianceReport(records: [part], schoolYear: year, asOf: CalendarDate("2026-10-01")!)
        let row = try #require(report.rows.first)
        #expect(row.status == .overdue && row.completed == nil && row.attempts == 1)
    }

    /// Staff trained last year are listed, and due again; a completion after the year's end
    /// says nothing about this year.
    @Test func lastYearsCompletionsMakeStaffDueAgain() throws {
        let records = [
            SampleRecords.record(name: "Ana Ruiz", completed: "2026-06-30T15:00:00-07:00"),
            SampleRecords.record(name: "Kim Lee", completed: "2027-07-01T09:00:00-07:00"),
        ]
        let report = ComplianceReport(records: records, schoolYear: year, asOf: CalendarDate("2026-09-01")!)
        let row = try #require(report.rows.first)
        #expect(report.rows.count == 1)
        #expect(row.name == "Ana Ruiz" && row.status == .overdue && row.completed == nil && row.attempts == 0)
    }
}

import Foundation
import Records
import TestSupport
import Testing

/// The compliance report with a staff roster: everyone on it, matched to their records.
struct RosterReportTests {
    let year = SchoolYear("2026-2027")!

    static let roster = StaffRoster([
        StaffMember(
            employeeID: "E-1", name: "Ana Ruiz", email: "ana@example.org", school: "Lincoln High", district: "Tamalpais Union",
            role: "teacher"),
        StaffMember(employeeID: "E-2", name: "Nguyễn Thị Minh", school: "Lincoln High", role: "counselor"),
        StaffMember(employeeID: "E-3", name: "Kim Lee", school: "Hoover Middle", hireDate: CalendarDate("2026-11-02")),
        StaffMember(employeeID: "E-4", name: "Sam Okafor", school: "Hoover Middle"),
    ])

    func summary(_ record: CompletionRecord, code: String = "ABCD-EFGH-JKMN") -> CompletionSummary {
        CompletionSummary(record, verificationCode: code)
    }

    func report(_ completions: [CompletionSummary], asOf: String = "2026-10-01") -> ComplianceReport {
        ComplianceReport(completions: completions, roster: Self.roster, schoolYear: year, asOf: CalendarDate(asOf)!)
    }

    @Test func everyoneOnTheRosterIsListedThoseWithNoAttemptToo() throws {
        let report = report([summary(SampleRecords.record(name: "Ana Ruiz", employeeID: "e-1 "))])
        #expect(report.rows.map(\.employeeID) == ["E-3", "E-4", "E-1", "E-2"])
        let ana = try #require(report.rows.first { $0.employeeID == "E-1" })
        #expect(ana.status == .complete && ana.roster == .listed && ana.verificationCode == "ABCD-EFGH-JKMN")
        #expect(ana.district == "Tamalpais Union" && ana.role == "teacher" && ana.email == "ana@example.org")
        #expect(ana.completed?.description == "2026-09-15")
        let sam = try #require(report.rows.first { $0.employeeID == "E-4" })
        #expect(sam.status == .overdue && sam.attempts == 0 && sam.completed == nil && sam.verificationCode == nil)
        #expect(sam.roster == .listed)
    }

    struct StatusCase: Sendable, CustomTestStringConvertible {
        var name: String
        var employeeID: String
        var asOf: String
        var due: String
        var status: ComplianceReport.Status
        var testDescription: String { name }
    }

    /// Without an attempt: due until six weeks after the year's start (or the hire date during
    /// the year), overdue after.
    @Test(arguments: [
        StatusCase(name: "no attempt, within six weeks", employeeID: "E-4", asOf: "2026-08-12", due: "2026-08-12", status: .due),
        StatusCase(
            name: "no attempt, six weeks gone", employeeID: "E-4", asOf: "2026-08-13", due: "2026-08-12", status: .overdue),
        StatusCase(
            name: "hired during the year, within six weeks of the hire", employeeID: "E-3", asOf: "2026-12-14", due: "2026-12-14",
            status: .due),
        StatusCase(
            name: "hired during the year, six weeks gone", employeeID: "E-3", asOf: "2026-12-15", due: "2026-12-14",
            status: .overdue),
    ])
    func statusWithNoAttempt(_ example: StatusCase) throws {
        let row = try #require(report([], asOf: example.asOf).rows.first { $0.employeeID == example.employeeID })
        #expect(row.dueDate.description == example.due)
        #expect(row.status == example.status)
        #expect(row.attempts == 0)
    }

    struct MatchCase: Sendable, CustomTestStringConvertible {
        var name: String
        var recordName: String
        var employeeID: String?
        var school: String?
        /// The roster's employee id the record counts for, or nil when it is listed apart.
        var countsFor: String?
        var standing: RosterStanding
        var testDescription: String { name }
    }

    @Test(arguments: [
        MatchCase(
            name: "by employee id, whatever the name", recordName: "Minh Nguyen", employeeID: "E-2", school: nil,
            countsFor: "E-2",
            standing: .listed),
        MatchCase(
            name: "no id: by name and school, to confirm", recordName: "nguyen thi  minh", employeeID: nil,
            school: "lincoln high", countsFor: "E-2", standing: .confirmMatch),
        MatchCase(
            name: "no id, same name at another school: not on the roster", recordName: "Nguyễn Thị Minh", employeeID: nil,
            school: "Hoover Middle", countsFor: nil, standing: .notOnRoster),
        MatchCase(
            name: "an id not on the roster is not matched by name", recordName: "Nguyễn Thị Minh", employeeID: "E-99",
            school: "Lincoln High", countsFor: nil, standing: .notOnRoster),
        MatchCase(
            name: "no id and no school: not on the roster", recordName: "Nguyễn Thị Minh", employeeID: nil, school: nil,
            countsFor: nil, standing: .notOnRoster),
    ])
    func recordsAreMatchedToTheRoster(_ example: MatchCase) throws {
        let record = SampleRecords.record(name: example.recordName, employeeID: example.employeeID, school: example.school)
        let report = report([summary(record)])
        let row = try #require(report.rows.first { $0.recordID == record.id.uuidString.lowercased() })
        #expect(row.roster == example.standing)
        #expect(row.status == .complete)
        if let rostered = example.countsFor {
            #expect(row.employeeID == rostered && report.rows.count == 4)
        } else {
            #expect(row.name == example.recordName && report.rows.count == 5)
            #expect(report.rows.first { $0.employeeID == "E-2" }?.status == .overdue, "the rostered person still owes it")
        }
    }

    /// Two people of one name at one school cannot be told apart without an id: the record is
    /// listed apart, never given to either.
    @Test func aNameSharedAtOneSchoolIsNotGuessed() throws {
        let roster = StaffRoster(
            Self.roster.staff + [StaffMember(employeeID: "E-5", name: "Ana Ruiz", school: "Lincoln High")])
        let record = SampleRecords.record(name: "Ana Ruiz", school: "Lincoln High")
        let report = ComplianceReport(
            completions: [summary(record)], roster: roster, schoolYear: year, asOf: CalendarDate("2026-10-01")!)
        #expect(report.rows.filter { $0.roster == .notOnRoster }.map(\.name) == ["Ana Ruiz"])
        #expect(report.rows.filter { $0.status == .complete }.count == 1)
    }

    @Test func theVerificationCodeIsThePassingRecordsAndFailedAttemptsCount() throws {
        let failed = SampleRecords.record(employeeID: "E-1", completed: "2026-08-01T10:00:00-07:00", passed: false)
        let passed = SampleRecords.record(employeeID: "E-1", completed: "2026-08-20T10:00:00-07:00")
        let report = report([summary(passed, code: "PASS-PASS-PASS"), summary(failed, code: "FAIL-FAIL-FAIL")])
        let row = try #require(report.rows.first { $0.employeeID == "E-1" })
        #expect(row.verificationCode == "PASS-PASS-PASS" && row.attempts == 2 && row.completed?.description == "2026-08-20")
    }

    /// Without a roster the report's JSON stays as it was: none of the roster's keys.
    @Test func withoutARosterTheReportIsUnchanged() throws {
        let records = [SampleRecords.record(employeeID: "E-1")]
        let plain = ComplianceReport(records: records, schoolYear: year, asOf: CalendarDate("2026-10-01")!)
        let json = String(decoding: try JSONEncoder().encode(plain), as: UTF8.self)
        for key in ["district", "role", "verificationCode", "roster"] { #expect(!json.contains("\"\(key)\"")) }
        let rostered = report(records.map { summary($0) })
        let rosteredJSON = String(decoding: try JSONEncoder().encode(rostered), as: UTF8.self)
        #expect(rosteredJSON.contains("\"roster\":\"listed\"") && rosteredJSON.contains("\"verificationCode\""))
    }
}

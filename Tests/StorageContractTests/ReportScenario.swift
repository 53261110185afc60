import Foundation
import Records
import TestSupport

/// Records that exercise every rule of the compliance report of 2026-2027 (as of 2026-11-30):
/// several attempts, a pass before a later failure, group attendance whole and partial, a
/// year-end at a time zone's edge, the same person under differently written ids and emails,
/// a hire during the year, earlier and later years.
enum ReportScenario {
    static let people = 10

    static let records: [CompletionRecord] = [
        // Failed, then passed: complete, two attempts.
        SampleRecords.record(
            name: "Ana Ruiz", employeeID: "E1", completed: "2026-09-01T09:00:00-07:00", percent: 60, passed: false),
        SampleRecords.record(name: "Ana Ruiz", employeeID: "E1", completed: "2026-09-15T09:00:00-07:00"),
        // Known by email, written two ways; never passed: overdue.
        SampleRecords.record(
            name: "Ben Cho", email: "ben@example.org", completed: "2026-10-01T09:00:00-07:00", percent: 50, passed: false),
        SampleRecords.record(
            name: "Ben Cho", email: " BEN@example.org", completed: "2026-10-02T09:00:00-07:00", percent: 70, passed: false),
        // Known by name only, passed in the year before: no attempt this year, overdue.
        SampleRecords.record(name: "Cara  Lee", school: "Park Elementary", completed: "2026-03-01T09:00:00-08:00"),
        // Hired during the year, not passed yet: due.
        SampleRecords.record(
            name: "Dan Wu", employeeID: "E4", hireDate: CalendarDate("2026-11-01"), completed: "2026-11-10T09:00:00-08:00",
            percent: 40, passed: false),
        // Group attendance, the whole session and part of one.
        SampleRecords.attendance(name: "Eve Park", employeeID: "E5", completed: "2026-10-10T15:00:00-07:00"),
        SampleRecords.attendance(name: "Fay Osei", employeeID: "E6", completed: "2026-10-10T15:00:00-07:00", covered: 3),
        // After the year's end: left out.
        SampleRecords.record(name: "Gus Hale", employeeID: "E7", completed: "2027-08-01T09:00:00-07:00"),
        // Passed, then failed: complete with the pass; the later record gives the name.
        SampleRecords.record(name: "Hal Ames", employeeID: "E8", completed: "2026-09-01T09:00:00-07:00"),
        SampleRecords.record(
            name: "Harold Ames", employeeID: "E8", completed: "2026-10-01T09:00:00-07:00", percent: 10, passed: false),
        // The last evening of the year in California (already July 1 in UTC): counts in the year.
        SampleRecords.record(name: "Ivy Tran", employeeID: "E9", completed: "2027-06-30T23:30:00-07:00"),
        // July 1 at +02:00 (still June 30 in UTC): counts in the year.
        SampleRecords.record(name: "Jay Roy", employeeID: "E10", completed: "2026-07-01T00:30:00+02:00"),
        // One person, the id written two ways.
        SampleRecords.record(name: "Kim Ong", employeeID: "E11", completed: "2026-09-20T09:00:00-07:00"),
        SampleRecords.record(
            name: "Kimberly Ong", employeeID: " e11", completed: "2026-10-20T09:00:00-07:00", percent: 30, passed: false),
    ]
}

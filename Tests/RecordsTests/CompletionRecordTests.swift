import Foundation
import Records
import TestSupport
import Testing

struct CompletionRecordTests {
    @Test func roundTripsThroughJSON() throws {
        let record = SampleRecords.record(name: "Nguyễn Thị Minh", hireDate: CalendarDate("2026-08-20"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(record)
        #expect(try JSONDecoder().decode(CompletionRecord.self, from: data) == record)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""completedAt":"2026-09-15T10:30:00-07:00""#), "times keep their offset")
        #expect(text.contains(#""hireDate":"2026-08-20""#))
        #expect(text.contains(#""schemaVersion":1"#), "the lowest version that holds it")
    }

    /// A record written by schema version 1 keeps decoding (a frozen file, never re-recorded).
    @Test func theFrozenVersion1RecordStillDecodes() throws {
        let fixture = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Fixtures/record-v1.json")
        let record = try JSONDecoder().decode(CompletionRecord.self, from: Data(contentsOf: fixture))
        #expect(record.schemaVersion == 1)
        #expect(record.trainee.name == "Zoë Łukasiewicz-O'Brien")
        #expect(record.completedAt.description == "2026-09-15T10:30:00-07:00")
        #expect(record.score?.passed == true)
        #expect(record.outcome == .scored(percent: 50, passed: true), "as the frozen file says")
        #expect(record.questions.count == 2)
    }

    /// A version 2 record of group attendance keeps decoding (a frozen file, never re-recorded).
    @Test func theFrozenVersion2AttendanceRecordStillDecodes() throws {
        let fixture = URL(filePath: #filePath).deletingLastPathComponent().appending(
            path: "Fixtures/record-v2-attendance.json")
        let record = try JSONDecoder().decode(CompletionRecord.self, from: Data(contentsOf: fixture))
        #expect(record.schemaVersion == 2 && record.mode.kind == .groupAttendance)
        #expect(record.trainee.name == "Nguyễn Thị Minh" && record.score == nil)
        #expect(record.outcome == .attended(wholeSession: true))
        #expect(record.mode.facilitator == "Dana Whitfield" && record.questions.count == 2)
    }

    /// A version 3 record names its issuer (a frozen file, never re-recorded).
    @Test func theFrozenVersion3RecordWithAnIssuerStillDecodes() throws {
        let fixture = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Fixtures/record-v3-issuer.json")
        let record = try JSONDecoder().decode(CompletionRecord.self, from: Data(contentsOf: fixture))
        #expect(record.schemaVersion == 3 && record.issuer == "Tamalpais Union High School District")
    }

    /// A version 4 record is a self-paced attempt taken in the browser (a frozen file, never
    /// re-recorded).
    @Test func theFrozenVersion4WebRecordStillDecodes() throws {
        let fixture = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Fixtures/record-v4-web.json")
        let record = try JSONDecoder().decode(CompletionRecord.self, from: Data(contentsOf: fixture))
        #expect(record.schemaVersion == 4 && record.mode == .selfPacedWeb)
        #expect(record.mode.description == "self-paced, in the browser")
        #expect(record.outcome == .scored(percent: 50, passed: true), "as the frozen file says")
    }

    /// A web attempt is written at version 4 (issued or not) and refused at an older version,
    /// which would not know the kind; a terminal attempt stays at version 1.
    @Test func aWebAttemptNeedsVersion4() throws {
        let web = SampleRecords.record()
        let written = CompletionRecord(
            id: web.id, trainee: web.trainee, training: web.training, mode: .selfPacedWeb, startedAt: web.startedAt,
            completedAt: web.completedAt, activeSeconds: web.activeSeconds, questions: web.questions, score: web.score)
        #expect(written.schemaVersion == 4 && written.issued(by: "Redwood High School").schemaVersion == 4)
        #expect(SampleRecords.record().schemaVersion == 1)
        var older = written
        older.schemaVersion = 3
        let encoded = try JSONEncoder().encode(older)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(CompletionRecord.self, from: encoded) }
        #expect(try JSONDecoder().decode(CompletionRecord.self, from: JSONEncoder().encode(written)) == written)
    }

    /// A record issued by a district is written at version 3; one without an issuer keeps the
    /// lowest version that holds it, and an issuer on an older version is refused.
    @Test func anIssuerNeedsVersion3() throws {
        let record = SampleRecords.record()
        #expect(record.issued(by: nil) == record)
        let issued = record.issued(by: "Tamalpais Union High School District")
        #expect(issued.schemaVersion == 3 && issued.issuer == "Tamalpais Union High School District")
        #expect(issued.issued(by: "Another District").issuer == "Tamalpais Union High School District", "set once")
        #expect(SampleRecords.attendance().issued(by: "Redwood High School").schemaVersion == 3)
        var older = issued
        older.schemaVersion = 2
        let encoded = try JSONEncoder().encode(older)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(CompletionRecord.self, from: encoded) }
    }

    /// Group attendance (an offline room session) has no score, says so, and counts as completed
    /// training.
    @Test func groupAttendanceIsNotIndividuallyScored() throws {
        let attendance = SampleRecords.attendance(name: "Kim Lee")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(attendance), as: UTF8.self)
        #expect(!text.contains(#""score""#) && text.contains(#""schemaVersion":2"#))
        #expect(text.contains(#""kind":"group-attendance""#) && text.contains(#""facilitator":"Dana Whitfield""#))
        #expect(try JSONDecoder().decode(CompletionRecord.self, from: Data(text.utf8)) == attendance)
        #expect(attendance.outcome == .attended(wholeSession: true) && attendance.outcome.completesTraining)
        #expect(attendance.outcome.percent == nil)
        #expect(attendance.resultDescription.contains("not individually scored"))
        #expect(attendance.mode.description == "group attendance at session-2026-09-15-1 led by Dana Whitfield")
    }

    @Test(arguments: [
        (CompletionOutcome.scored(percent: 90, passed: true), true, "passed"),
        (.scored(percent: 50, passed: false), false, "not passed"),
        (.attended(wholeSession: true), true, "attended (group, not scored)"),
        (.attended(wholeSession: false), false, "attended part (session ended early)"),
    ])
    func whatCompletesTraining(_ outcome: CompletionOutcome, _ completes: Bool, _ text: String) {
        #expect(outcome.completesTraining == completes)
        #expect(outcome.resultText == text)
    }

    /// Attendance at part of a session (it ended early) is recorded but does not complete the
    /// training.
    @Test func partOfASessionDoesNotCompleteTheTraining() {
        let part = SampleRecords.attendance(covered: 3)
        #expect(part.outcome == .attended(wholeSession: false) && !part.outcome.completesTraining)
        #expect(part.resultDescription.contains("3 of 8 questions"))
    }

    /// Records whose parts do not fit together, as a file could hold them.
    enum Misfit: String, CaseIterable, Sendable {
        case scoreOnAttendance, attendanceOnAScoredRecord, scoredWithoutScore, attendanceInVersion1

        var record: CompletionRecord {
            var record: CompletionRecord
            switch self {
            case .scoreOnAttendance:
                record = SampleRecords.attendance()
                record.score = SampleRecords.record().score
            case .attendanceOnAScoredRecord:
                record = SampleRecords.record()
                record.attendance = AttendanceSummary(questionsCovered: 1, questionsPlanned: 1)
            case .scoredWithoutScore:
                record = SampleRecords.record()
                record.score = nil
            case .attendanceInVersion1:
                record = SampleRecords.attendance()
                record.schemaVersion = 1
            }
            return record
        }
    }

    /// A record whose parts do not fit together is refused when read: a score on group
    /// attendance, an attendance summary or no score on a scored mode, group attendance in
    /// version 1.
    @Test(arguments: Misfit.allCases)
    func recordsThatDoNotFitTogetherAreRefused(_ misfit: Misfit) throws {
        let data = try JSONEncoder().encode(misfit.record)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(CompletionRecord.self, from: data) }
    }

    @Test func aSessionEndedEarlyPassesNobody() throws {
        let score = try #require(SampleRecords.record(percent: 100).score)
        #expect(score.endingEarly(asked: 8, planned: 8) == score)
        let ended = score.endingEarly(asked: 3, planned: 8)
        #expect(!ended.passed && ended.percent == 100)
        #expect(ended.reasons.last?.contains("ended after 3 of its 8 questions") == true)
    }

    /// SB 848 (2025) changed EC 51950 and re-enacted 44691: the note names the bill, cites no
    /// subdivision whose current text is unconfirmed, and claims no interval.
    @Test func theLegalNoteClaimsNoMandateItCannotConfirm() {
        let note = LegalNote.text
        #expect(note.contains("SB 848 (Stats. 2025, ch. 460)"))
        #expect(!note.contains("51950("))
        #expect(note.contains("does not state how often the law requires the training"))
        #expect(!note.lowercased().contains("annual"))
    }
}

struct TimestampTests {
    @Test(arguments: [
        ("2026-09-15T10:30:00-07:00", -7 * 3600),
        ("2026-12-01T08:00:05+05:30", 19800),
        ("2026-09-15T17:30:00+00:00", 0),
    ])
    func keepsTheRecordedOffset(_ text: String, _ offset: Int) throws {
        let timestamp = try #require(Timestamp(text))
        #expect(timestamp.utcOffsetSeconds == offset)
        #expect(timestamp.description == text)
    }

    @Test func utcIsWrittenAsAnOffset() throws {
        #expect(try #require(Timestamp("2026-09-15T17:30:00Z")).description == "2026-09-15T17:30:00+00:00")
    }

    @Test(arguments: ["2026-09-15", "2026-09-15T10:30:00", "yesterday", "2026-09-15T10:30:00-25:00"])
    func refusesTimesWithoutSecondsOrOffset(_ text: String) {
        #expect(Timestamp(text) == nil)
    }

    @Test func theDayIsTheDayWhereItWasRecorded() throws {
        // 23:30 in California is already the next day in UTC.
        #expect(try #require(Timestamp("2026-09-15T23:30:00-07:00")).calendarDate == CalendarDate("2026-09-15"))
    }
}

struct CalendarDateTests {
    @Test(arguments: ["2026-02-30", "2026-13-01", "26-01-01", "2026-1-1", "2026/01/01", ""])
    func refusesDaysThatDoNotExist(_ text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test func addsDaysAcrossMonthsAndYears() throws {
        #expect(try #require(CalendarDate("2026-12-20")).adding(days: 42).description == "2027-01-31")
        #expect(try #require(CalendarDate("2028-02-28")).adding(days: 1).description == "2028-02-29")
    }
}

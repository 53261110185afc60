import Completion
import ContentLoading
import Foundation
import GroupSessions
import ProtocolEngine
import RecordStore
import Records
import ScenarioEngine
import Scoring
import Storage
import TestSupport
import Testing
import Training

/// A whole group session through the application layer, with no server and no process: the
/// session's state machine is run to its end, and the layer's ending writes each attendee's
/// record, the certificates of those who passed and the roster, with the times of a fake clock.
struct GroupSessionThroughTheLayerTests {
    let content: TrainingContent

    init() throws {
        content = try Fixtures.trainingContent()
    }

    func setup(for session: GroupSession) throws -> GroupSessionSetup {
        GroupSessionSetup(
            sessionID: session.id, facilitator: session.facilitator,
            jurisdiction: try #require(content.library.jurisdiction("marin")), training: content, plan: session.plan)
    }

    /// Ana answers every question right, Kim every one wrong, Sam joins and answers none.
    func playedSession() throws -> GroupSession {
        var session = try SampleSessions.session(vignettes: 2, planSeed: 4, codeSeed: 1)
        var generator = SplitMix64(seed: 5)
        let secret = session.secretForFacilitator
        let code = session.joinCode.text
        let ana = try session.join(code: code, name: "Ana Ruiz", employeeID: "E-1", using: &generator).get()
        let kim = try session.join(code: code, name: "Kim Lee", using: &generator).get()
        _ = try session.join(code: code, name: "Sam Okafor", using: &generator).get()
        for (index, question) in session.plan.questions.enumerated() {
            _ = try session.perform(.next, secret: secret).get()
            let wrong = question.options.first { $0.id != question.correctOptionID }!.id
            try session.answer(token: ana.token, question: index, option: question.correctOptionID).get()
            try session.answer(token: kim.token, question: index, option: wrong).get()
            _ = try session.perform(.reveal, secret: secret).get()
        }
        _ = try session.perform(.end, secret: secret).get()
        return session
    }

    @Test func theEndWritesEachRecordOnceWithCertificatesAndRoster() async throws {
        let data = try TemporaryDataDirectory()
        defer { data.remove() }
        let session = try playedSession()
        let setup = try setup(for: session)
        let clock = FakeClock()
        let started = clock.now
        clock.advance(seconds: 1_800)
        let ending = GroupSessionEnding(
            sessionID: session.id, records: data.records, certificates: CertificateIssuer(key: data.store.key),
            dataDirectory: data.url)

        let attendees = GroupSessionRecords.live(session, setup: setup, started: started, clock: clock.trainingClock)
        let report = await ending.write(attendees)

        #expect(report.problems.isEmpty)
        #expect(report.recordsSaved == 3 && report.certificatesWritten == 1)
        let stored = data.store.loadAll().records
        #expect(stored.count == 3)
        for record in stored {
            try data.store.verify(record)
            #expect(record.record.activeSeconds == 1_800)
            #expect(record.record.completedAt == Timestamp(clock.now, utcOffsetSeconds: -8 * 3600))
            #expect(record.record.mode == .groupSession(id: session.id, facilitator: "Dana Whitfield"))
        }
        let byName = Dictionary(uniqueKeysWithValues: stored.map { ($0.record.trainee.name, $0.record) })
        #expect(byName["Ana Ruiz"]?.outcome.completesTraining == true)
        #expect(byName["Ana Ruiz"]?.score?.percent == 100)
        #expect(byName["Kim Lee"]?.outcome.completesTraining == false)
        #expect(byName["Sam Okafor"]?.outcome.completesTraining == false)
        let certificates = try FileManager.default.contentsOfDirectory(atPath: report.certificatesFolder.path)
        #expect(certificates.count == 1 && certificates[0].hasPrefix("Ana-Ruiz-"))
        let roster = try String(contentsOf: report.rosterFile, encoding: .utf8)
        #expect(roster.split(separator: "\r\n").count == 4)
        #expect(roster.contains("Sam Okafor,,0 of \(session.plan.questions.count)"))

        // Ended again (a session restored after a crash while writing): no second record.
        let again = await ending.write(
            GroupSessionRecords.live(session, setup: setup, started: started, clock: clock.trainingClock))
        #expect(again.problems.isEmpty && again.recordsSaved == 3)
        #expect(data.store.loadAll().records.count == 3)
    }

    /// An offline room: group attendance for everyone listed, no score; complete only when the
    /// room reached the last question.
    @Test(arguments: [true, false])
    func offlineAttendance(reachedTheEnd: Bool) async throws {
        let data = try TemporaryDataDirectory()
        defer { data.remove() }
        let session = try SampleSessions.session(vignettes: 2, planSeed: 4, codeSeed: 1)
        let setup = try setup(for: session)
        let clock = FakeClock()
        let covered = reachedTheEnd ? setup.plan.questions.count : 1
        let answers = setup.plan.questions.prefix(covered).map { AnsweredQuestion(question: $0, chosen: $0.correctOptionID) }
        let attendees = GroupSessionRecords.offline(
            attendees: [Trainee(name: "Ana Ruiz"), Trainee(name: "Kim Lee", employeeID: "E-2")], roomAnswers: answers,
            setup: setup, started: clock.now, clock: clock.trainingClock)
        let report = await GroupSessionEnding(
            sessionID: session.id, records: data.records, certificates: CertificateIssuer(key: data.store.key),
            dataDirectory: data.url
        ).write(attendees)

        #expect(report.problems.isEmpty && report.recordsSaved == 2)
        #expect(report.certificatesWritten == (reachedTheEnd ? 2 : 0))
        for stored in data.store.loadAll().records {
            #expect(stored.record.score == nil)
            #expect(
                stored.record.attendance
                    == AttendanceSummary(questionsCovered: covered, questionsPlanned: setup.plan.questions.count))
        }
    }
}

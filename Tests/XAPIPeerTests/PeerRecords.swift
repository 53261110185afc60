import Completion
import ContentLoading
import Foundation
import ProtocolEngine
import RecordStore
import Records
import ScenarioEngine
import Storage
import TestSupport
import Training
import XAPI

/// The records the peer tests send: every frozen record version, a critical-mistake fail at
/// 90%, a partial group attendance, a refresher, and a record made from the bundled content (so
/// that its questions are rebuilt with every choice).
enum PeerRecords {
    static let actors = ActorPolicy(
        homePage: URL(string: "https://district.example.org")!, includesNames: true, pseudonymSecret: Data("test secret".utf8))

    static func all() throws -> [CompletionRecord] {
        let frozen = try [
            "record-v1.json", "record-v2-attendance.json", "record-v3-issuer.json", "record-v4-web.json",
            "record-v5-pretest.json",
        ].map { name in
            let file = Fixtures.repositoryRoot.appending(path: "Tests/RecordsTests/Fixtures/\(name)")
            return try JSONDecoder().decode(CompletionRecord.self, from: Data(contentsOf: file))
        }
        var refresher = SampleRecords.record(email: "ana@example.org", percent: 40, passed: false)
        refresher.purpose = .refresher
        return frozen + [
            SampleRecords.record(employeeID: "E-9", percent: 90, passed: false), SampleRecords.attendance(covered: 3),
            refresher, try fromContent(),
        ]
    }

    /// A record of answering two Marin vignettes from the bundled content, every third answer wrong.
    static func fromContent() throws -> CompletionRecord {
        let content = try Fixtures.trainingContent()
        let jurisdiction = try Fixtures.jurisdiction("marin")
        let plan = TrainingPlan(
            bank: content.vignettes, jurisdiction: jurisdiction, count: 2, seed: 99, builder: content.questionBuilder)
        let answers = plan.questions.enumerated().map { index, question in
            let wrong = question.options.first { $0.id != question.correctOptionID }?.id ?? question.correctOptionID
            let chosen = index % 3 == 0 ? wrong : question.correctOptionID
            return QuestionResult(
                questionID: question.id, kind: question.kind.rawValue, vignette: question.vignette.id.rawValue,
                stage: question.stage + 1, chosenOption: chosen.rawValue, correctOption: question.correctOptionID.rawValue,
                points: chosen == question.correctOptionID ? 1 : 0, possiblePoints: 1)
        }
        let points = answers.map(\.points).reduce(0, +)
        return CompletionRecord(
            id: UUID(), trainee: Trainee(name: "Ana Ruiz", employeeID: "E-7"),
            training: TrainingModule(jurisdiction, training: content, seed: plan.seed), mode: .selfPacedWeb,
            startedAt: Timestamp("2026-09-15T10:00:00-07:00")!, completedAt: Timestamp("2026-09-15T10:21:07-07:00")!,
            activeSeconds: 1267, questions: answers,
            score: ScoreSummary(
                points: points, possiblePoints: answers.count, percent: points * 100 / answers.count, passed: false,
                reasons: ["Score below the pass mark."], policyID: "default", policyVersion: 1))
    }

    /// A data directory with a record repository, for ``StatementExport``.
    struct DataDirectory {
        let url: URL
        let export: StatementExport

        init() throws {
            url = try Fixtures.temporaryDirectory()
            let store = RecordStore(dataDirectory: url, key: try InstallationKey.loadOrCreate(in: url, now: Date()))
            export = StatementExport(
                records: FileRecordRepository(store: store), actors: PeerRecords.actors, content: try Fixtures.trainingContent())
        }

        func outbox(for lrs: RalphLRS) -> StatementOutbox {
            StatementOutbox(directory: StatementOutbox.directory(in: url, for: lrs.endpoint))
        }

        func remove() { try? FileManager.default.removeItem(at: url) }
    }
}

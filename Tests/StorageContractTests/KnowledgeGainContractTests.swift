import ContentLoading
import Foundation
import ItemAnalysis
import ProtocolEngine
import Records
import ScenarioEngine
import Storage
import TestSupport
import Testing

@testable import Completion

/// The knowledge gain read through each backend (the signed files; PostgreSQL when reachable,
/// and always in CI): the same pairs and figures from the same records, verified first.
@Suite struct KnowledgeGainContractTests {
    static let library = Result { try Fixtures.trainingContent() }

    /// The option id of the county's `index`th category, as the content names it.
    static func categoryOption(_ index: Int) throws -> String {
        let content = try library.get()
        let marin = try #require(content.library.jurisdiction("marin"))
        let category = marin.categories[index].id
        let catalog = AnalysisContent(jurisdiction: marin, mistakes: content.mistakes).catalog
        return try #require(catalog.options.first { $0.value.origin == .category(category) }?.key.rawValue)
    }

    /// `name`'s attempt of `purpose`, at minute `minute` of a day, on one vignette under the
    /// category `option`: a category question and a next-step question, right as `right` says.
    static func attempt(
        _ name: String, school: String, _ purpose: AttemptPurpose, minute: Int, category option: String, right: [Bool]
    ) -> CompletionRecord {
        let sample = SampleRecords.record(
            name: name, employeeID: name, school: school, completed: String(format: "2026-10-01T10:%02d:00-07:00", minute))
        let questions = zip(["category", "next-step"], right).map { kind, right in
            let correct = kind == "category" ? option : "step:any:1"
            return QuestionResult(
                questionID: "vignette-\(name)#1/\(kind)", kind: kind, vignette: "vignette-\(name)", stage: 1,
                chosenOption: right ? correct : "elsewhere", correctOption: correct, points: right ? 1 : 0, possiblePoints: 1)
        }
        return CompletionRecord(
            id: UUID(), trainee: sample.trainee, training: sample.training, mode: .selfPaced, startedAt: sample.startedAt,
            completedAt: sample.completedAt, activeSeconds: 300, questions: questions, score: sample.score, purpose: purpose)
    }

    /// Ana (Redwood High) from 50% to 100% under the first category; Ben (Tam High) from 0% to
    /// 50% under the second; Cleo trained without a pre-test, Dee took only the pre-test.
    static func records() throws -> [CompletionRecord] {
        let (first, second) = (try categoryOption(0), try categoryOption(1))
        return [
            attempt("Ana", school: "Redwood High", .preTest, minute: 0, category: first, right: [true, false]),
            attempt("Ana", school: "Redwood High", .training, minute: 30, category: first, right: [true, true]),
            attempt("Ben", school: "Tam High", .preTest, minute: 1, category: second, right: [false, false]),
            attempt("Ben", school: "Tam High", .training, minute: 31, category: second, right: [true, false]),
            attempt("Cleo", school: "Tam High", .training, minute: 32, category: second, right: [true, true]),
            attempt("Dee", school: "Tam High", .preTest, minute: 2, category: second, right: [true, true]),
        ]
    }

    static func statistics(_ store: ContractStore) throws -> RecordStatistics {
        let content = try library.get()
        return RecordStatistics(records: store.repository, library: content.library, mistakes: content.mistakes)
    }

    @Test(arguments: Backend.underTest)
    func thePairsAndTheirFiguresComeThroughTheStore(backend: Backend) async throws {
        try await backend.withStore { store in
            let records = try Self.records()
            for record in records { _ = try await store.repository.saveOnce(record) }
            let found = try await Self.statistics(store).knowledgeGain(of: AnalysisScope(jurisdiction: "marin"))
            #expect(found.problems.isEmpty)
            let marin = try #require(found.report.jurisdictions.first)
            #expect(found.report.jurisdictions.count == 1)
            #expect(marin.preTests == 3)
            #expect(marin.pairs == 2)
            let overall = try #require(marin.overall)
            #expect([overall.meanPre, overall.meanPost, overall.meanDifference] == [25, 75, 50])
            #expect(abs((overall.normalisedGain ?? 0) - 50.0 / 75) < 1e-12)
            #expect(
                marin.bySchool.map { [$0.group, "\($0.meanPre)", "\($0.meanPost)"] } == [
                    ["Redwood High", "50.0", "100.0"], ["Tam High", "0.0", "50.0"],
                ])
            #expect(marin.byCategory.map(\.meanDifference) == [50, 50])
            #expect(marin.byCategory.map(\.pairs) == [1, 1])
            // The same as computing from the records directly.
            let direct = KnowledgeGain(content: try Self.statistics(store).contentByJurisdiction)
                .report(of: records.compactMap(KnowledgeGain.Attempt.init))
            #expect(found.report == direct)
        }
    }

    @Test(arguments: Backend.underTest)
    func aSchoolsScopeKeepsItsPairsOnly(backend: Backend) async throws {
        try await backend.withStore { store in
            for record in try Self.records() { _ = try await store.repository.saveOnce(record) }
            let found = try await Self.statistics(store).knowledgeGain(of: AnalysisScope(school: "Redwood High"))
            #expect(found.report.jurisdictions.map(\.pairs) == [1])
            #expect(found.report.jurisdictions.first?.bySchool.map(\.group) == ["Redwood High"])
        }
    }

    @Test(arguments: Backend.underTest)
    func anAlteredPreTestIsReportedAndItsPairLeftOut(backend: Backend) async throws {
        try await backend.withStore { store in
            let records = try Self.records()
            for record in records { _ = try await store.repository.saveOnce(record) }
            try await store.alterStoredFile(of: records[2].id, replacing: "\"name\" : \"Ben\"", with: "\"name\" : \"Bem\"")
            let found = try await Self.statistics(store).knowledgeGain(of: .everything)
            #expect(found.problems.count == 1)
            #expect(found.report.jurisdictions.map(\.pairs) == [1])
            #expect(found.report.jurisdictions.first?.bySchool.map(\.group) == ["Redwood High"])
        }
    }

    /// `records stats` asks for both reports at once (one reading of the records on the files):
    /// the same figures and problems as asking for each alone.
    @Test(arguments: Backend.underTest)
    func bothReportsTogetherAreEachReportAlone(backend: Backend) async throws {
        try await backend.withStore { store in
            let records = try Self.records()
            for record in records { _ = try await store.repository.saveOnce(record) }
            try await store.alterStoredFile(of: records[2].id, replacing: "\"name\" : \"Ben\"", with: "\"name\" : \"Bem\"")
            let statistics = try Self.statistics(store)
            let together = try await statistics.reports(of: .everything)
            let (analysis, gain) = (
                try await statistics.analysis(of: .everything), try await statistics.knowledgeGain(of: .everything)
            )
            #expect(together.analysis == analysis.report)
            #expect(together.gain == gain.report)
            #expect(together.gain?.jurisdictions.map(\.pairs) == [1])
            #expect(together.problems.count == 1)
            #expect(together.problems == analysis.problems)
        }
    }
}

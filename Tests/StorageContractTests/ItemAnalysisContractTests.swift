import Foundation
import ItemAnalysis
import ProtocolEngine
import Records
import ScenarioEngine
import Storage
import TestSupport
import Testing
import Training

/// Item analysis on every backend (the signed files; PostgreSQL, computed in SQL, when
/// reachable, and always in CI), on generated records with known answers: each backend's report
/// must equal the one ``ItemAnalysis`` computes in Swift over the same answer sheets.
@Suite struct ItemAnalysisContractTests {
    @Test(arguments: Backend.underTest, [0, 4])
    func aPlantedWeakItemComesOutWithTheLowestFacility(backend: Backend, question number: Int) async throws {
        let planted = try PlantedAnswers()
        let weak = min(number, planted.plan.questions.count - 1)
        let records = planted.records(120, seed: UInt64(weak)) { $0 == weak ? 0.2 : 0.9 }
        try await backend.withStore { store in
            for record in records { _ = try await store.repository.saveOnce(record) }

            let found = try await store.repository.itemAnalysis(planted.analysis, in: .everything)

            #expect(found.problems.isEmpty)
            let marin = try #require(found.report.jurisdictions.first)
            let lowest = try #require(marin.items.min { $0.facility < $1.facility })
            #expect(lowest.item == planted.item(weak))
            #expect(abs(lowest.facility - 0.2) < 0.1)
            #expect(marin.items.allSatisfy { $0.answered == records.count })
            #expect(found.report == planted.analysis.report(of: records.map(AnswerSheet.init)))
        }
    }

    @Test(arguments: Backend.underTest)
    func aPlantedConfusionLandsInItsCell(backend: Backend) async throws {
        let planted = try PlantedAnswers()
        // The first category question whose true answer is a category, and another category offered.
        let (index, question) = try #require(
            planted.plan.questions.enumerated().first { _, question in
                question.kind == .category && PlantedAnswers.category(question.correctOptionID, in: question) != nil
            })
        let truth = try #require(PlantedAnswers.category(question.correctOptionID, in: question))
        let misreading = try #require(
            question.options.first { option in
                if case .category(let chosen?) = option.origin { return chosen.rawValue != truth }
                return false
            })
        let chosen = try #require(PlantedAnswers.category(misreading.id, in: question))
        let records = (0..<20).map { number in
            planted.record(name: PlantedAnswers.name(number)) { at, asked in
                at == index && number < 13 ? misreading.id : asked.correctOptionID
            }
        }
        try await backend.withStore { store in
            for record in records { _ = try await store.repository.saveOnce(record) }

            let found = try await store.repository.itemAnalysis(planted.analysis, in: .everything)

            let matrix = try #require(found.report.jurisdictions.first).confusion
            #expect(matrix.count(truth: truth, chosen: chosen) == 13)
            let offDiagonal = matrix.counts.enumerated().flatMap { row, counts in
                counts.enumerated().filter { $0.offset != row }.map(\.element)
            }
            #expect(offDiagonal.reduce(0, +) == 13)
            #expect(found.report == planted.analysis.report(of: records.map(AnswerSheet.init)))
        }
    }

    /// Scopes over two counties and two schools (and records naming no school).
    static let scopes: [AnalysisScope] = [
        .everything, AnalysisScope(jurisdiction: "marin"), AnalysisScope(school: "Tam High"),
        AnalysisScope(jurisdiction: "marin", school: "Redwood High"),
        AnalysisScope(jurisdiction: "san-diego", school: "Tam High"),
        AnalysisScope(jurisdiction: "nowhere"),
    ]

    @Test(arguments: Backend.underTest, scopes.indices)
    func theScopeByJurisdictionAndBySchoolIsHonoured(backend: Backend, scope index: Int) async throws {
        let scope = Self.scopes[index]
        let records = try Self.mixedRecords()
        try await backend.withStore { store in
            for record in records { _ = try await store.repository.saveOnce(record) }
            let analysis = PlantedAnswers.analysis(of: try Fixtures.trainingContent())

            let found = try await store.repository.itemAnalysis(analysis, in: scope)

            let inScope = records.map(AnswerSheet.init).filter(scope.includes)
            #expect(found.report.jurisdictions.map(\.records).reduce(0, +) == inScope.count)
            #expect(found.report.jurisdictions.map(\.jurisdiction) == Array(Set(inScope.map(\.jurisdiction))).sorted())
            #expect(found.report == analysis.report(of: inScope))
            #expect(found.problems.isEmpty)
        }
    }

    @Test(arguments: Backend.underTest)
    func aRecordThatDoesNotVerifyIsLeftOutAndReported(backend: Backend) async throws {
        let planted = try PlantedAnswers()
        let records = planted.records(12, seed: 7) { _ in 0.6 }
        try await backend.withStore { store in
            for record in records { _ = try await store.repository.saveOnce(record) }
            let altered = records[5]
            try await store.alterStoredFile(
                of: altered.id, replacing: altered.trainee.name, with: PlantedAnswers.name(999))

            let found = try await store.repository.itemAnalysis(planted.analysis, in: .everything)

            #expect(found.problems.count == 1)
            #expect(found.problems.first?.description.contains(altered.id.uuidString.lowercased()) == true)
            let intact = records.filter { $0.id != altered.id }.map(AnswerSheet.init)
            #expect(found.report == planted.analysis.report(of: intact))
        }
    }

    @Test(arguments: Backend.underTest)
    func theReportEqualsTheSwiftDefaultOverTheSameStoredSheets(backend: Backend) async throws {
        let records = try Self.mixedRecords()
        try await backend.withStore { store in
            for record in records { _ = try await store.repository.saveOnce(record) }
            let analysis = PlantedAnswers.analysis(of: try Fixtures.trainingContent())

            let found = try await store.repository.itemAnalysis(analysis, in: .everything)
            let stored = try await store.repository.answerSheets()

            #expect(stored.sheets.count == records.count)
            #expect(found.report == analysis.report(of: stored.sheets))
            // The planted data exercise every figure: discrimination, mistakes, critical mistakes,
            // group attendance and the confusion matrix.
            let marin = try #require(found.report.jurisdictions.first { $0.jurisdiction == "marin" })
            #expect(marin.items.contains { $0.discrimination != nil })
            #expect(marin.byKind.contains { $0.discrimination != nil } && marin.byStage.contains { $0.discrimination != nil })
            #expect(!marin.mistakes.isEmpty && marin.criticalMistakes.count > 1)
            #expect(marin.groupAttendanceRecords > 0 && marin.confusion.counts.joined().reduce(0, +) > 0)
        }
    }

    /// Records of two counties, at two schools and none, as teachers, counselors and no role, some
    /// of them group attendance, some choosing a catalogued mistake.
    static func mixedRecords() throws -> [CompletionRecord] {
        var records: [CompletionRecord] = []
        for (county, seed) in [("marin", UInt64(11)), ("san-diego", 12)] {
            let planted = try PlantedAnswers(jurisdiction: county)
            let mistake = planted.plan.questions.enumerated().lazy.compactMap { index, question in
                question.options.first { $0.mistake != nil }.map { (index, $0.id) }
            }.first
            var generator = SplitMix64(seed: seed)
            for number in 0..<24 {
                let school = [Optional("Redwood High"), "Tam High", nil][number % 3]
                let role = [Optional("teacher"), "counselor", "teacher", nil][number % 4]
                records.append(
                    planted.record(
                        name: PlantedAnswers.name(number), school: school, role: role, attendance: number % 7 == 6
                    ) { index, question in
                        if let mistake, index == mistake.0, number % 5 == 0 { return mistake.1 }
                        let right = Double.random(in: 0..<1, using: &generator) < 0.3 + Double(number % 6) * 0.12
                        return PlantedAnswers.answer(question, right: right, using: &generator)
                    })
            }
        }
        return records
    }
}

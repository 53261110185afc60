import ContentLoading
import ItemAnalysis
import ProtocolEngine
import Records
import ScenarioEngine
import TestSupport
import Testing
import Training

/// Facility and the confusion matrix on records with planted properties.
@Suite struct FacilityAndConfusionTests {
    @Test(arguments: [0, 4, 9])
    func aPlantedWeakItemHasTheLowestFacility(question number: Int) throws {
        let planted = try PlantedRecords()
        let weak = min(number, planted.plan.questions.count - 1)
        let records = planted.records(400, seed: UInt64(weak)) { $0 == weak ? 0.3 : 0.85 }
        let analysis = planted.analysis.analyse(records)
        let question = planted.plan.questions[weak]
        let lowest = try #require(analysis.items.min { $0.facility < $1.facility })
        #expect(
            lowest.item
                == ItemKey(vignette: question.vignette.id.rawValue, stage: question.stage + 1, kind: question.kind.rawValue))
        #expect(abs(lowest.facility - 0.3) < 0.08)
        #expect(analysis.items.count == planted.plan.questions.count)
        #expect(analysis.items.allSatisfy { $0.answered == 400 })
        // Every wrong answer is one of the item's wrong options, counted.
        #expect(lowest.wrongOptions.reduce(0) { $0 + $1.chosen } == lowest.answered - lowest.correct)
        #expect(!lowest.wrongOptions.contains { $0.option == question.correctOptionID.rawValue })
    }

    @Test(arguments: Fixtures.jurisdictionIDs)
    func aPlantedConfusionLandsInItsCell(jurisdiction: String) throws {
        let planted = try PlantedRecords(jurisdiction: jurisdiction)
        // The first category question whose true answer is a category, and another category offered.
        let (index, question) = try #require(
            planted.plan.questions.enumerated().first { _, question in
                question.kind == .category && Self.category(question.correctOptionID, in: question) != nil
            })
        let truth = try #require(Self.category(question.correctOptionID, in: question))
        let misreading = try #require(
            question.options.first { option in
                if case .category(let chosen?) = option.origin { return chosen.rawValue != truth }
                return false
            })
        let chosen = try #require(Self.category(misreading.id, in: question))
        let records = (0..<50).map { number in
            planted.record { at, asked in at == index && number < 30 ? misreading.id : asked.correctOptionID }
        }
        let matrix = planted.analysis.analyse(records, jurisdiction: jurisdiction).confusion
        #expect(matrix.count(truth: truth, chosen: chosen) == 30)
        // The 30 misreadings are the only off-diagonal answers.
        let offDiagonal = matrix.counts.enumerated().flatMap { row, counts in
            counts.enumerated().filter { $0.offset != row }.map(\.element)
        }
        #expect(offDiagonal.reduce(0, +) == 30)
        #expect(matrix.categories.last == "none" && matrix.categories.count == planted.jurisdiction.categories.count + 1)
    }

    @Test func mistakesAreCountedWithTheCatalogsCriticalFlagBySchoolAndRole() throws {
        let planted = try PlantedRecords()
        let (index, question, mistake) = try #require(
            planted.plan.questions.enumerated().lazy.compactMap { index, question in
                question.options.first { $0.mistake != nil }.map { (index, question, $0) }
            }.first)
        let catalogued = try #require(planted.content.mistakes.first { "mistake:\($0.id)" == mistake.id.rawValue })
        var records: [CompletionRecord] = []
        for number in 0..<12 {
            let school = number < 8 ? "Redwood High" : "Tam High"
            records.append(
                planted.record(school: school, role: number.isMultiple(of: 2) ? "teacher" : "counselor") { at, asked in
                    at == index && number < 5 ? mistake.id : asked.correctOptionID
                })
        }
        let analysis = planted.analysis.analyse(records)
        #expect(analysis.mistakes.map(\.mistake) == [catalogued.id.rawValue])
        #expect(analysis.mistakes.map(\.critical) == [catalogued.critical] && analysis.mistakes.map(\.chosen) == [5])
        let item = try #require(
            analysis.items.first {
                $0.item.vignette == question.vignette.id.rawValue && $0.item.kind == "next-step"
                    && $0.item.stage == question.stage + 1
            })
        #expect(item.wrongOptions.first?.mistake == catalogued.id.rawValue && item.wrongOptions.first?.chosen == 5)
        // Sorted by school, then role. Records 0 to 4 chose it: at Redwood High (0 to 7), counselors
        // 1 and 3, teachers 0, 2 and 4; none at Tam High (8 to 11).
        #expect(analysis.criticalMistakes.map(\.school) == ["Redwood High", "Redwood High", "Tam High", "Tam High"])
        #expect(analysis.criticalMistakes.map(\.role) == ["counselor", "teacher", "counselor", "teacher"])
        #expect(analysis.criticalMistakes.map(\.attempts) == [4, 4, 2, 2])
        let expected = catalogued.critical ? [2, 3, 0, 0] : [0, 0, 0, 0]
        #expect(analysis.criticalMistakes.map(\.attemptsWithCritical) == expected)
        #expect(analysis.criticalMistakes.map(\.criticalChosen) == expected)
    }

    @Test func anOptionTheContentDoesNotOfferIsUnmatchedNotGuessed() throws {
        let planted = try PlantedRecords()
        var record = planted.record { _, asked in asked.correctOptionID }
        let category = try #require(record.questions.firstIndex { $0.kind == "category" })
        record.questions[category].chosenOption = "category:a-category-no-county-has"
        let analysis = planted.analysis.analyse([record])
        #expect(analysis.unmatchedAnswers == 1)
        #expect(analysis.confusion.counts.joined().reduce(0, +) == record.questions.filter { $0.kind == "category" }.count - 1)
        // Still a wrong answer for facility.
        #expect(analysis.items.reduce(0) { $0 + $1.correct } == record.questions.count - 1)
    }

    /// The category of option `id` of `question`, by the option's origin (nil for none).
    static func category(_ id: OptionID, in question: Question) -> String? {
        guard case .category(let category?) = question.option(id)?.origin else { return nil }
        return category.rawValue
    }
}

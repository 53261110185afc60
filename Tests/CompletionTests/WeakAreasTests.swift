import Completion
import ContentLoading
import Foundation
import ProtocolEngine
import Records
import ScenarioEngine
import TestSupport
import Testing
import Training

/// What a passed attempt found a person got wrong, and the vignettes that practise it.
struct WeakAreasTests {
    let planted: PlantedAttempts

    init() throws {
        let content = try Fixtures.trainingContent()
        planted = PlantedAttempts(content: content, jurisdiction: try #require(content.library.jurisdiction("marin")))
    }

    var content: TrainingContent { planted.content }

    /// The vignettes of the bank whose questions (as the question builder asks them) include a
    /// category question answered by one of `categories`: computed apart from the engine's reading.
    func vignettesAsking(_ categories: Set<CategoryID?>) -> Set<VignetteID> {
        var generator = SplitMix64(seed: 1)
        return Set(
            content.vignettes.filter { vignette in
                content.questionBuilder.questions(for: vignette, under: planted.jurisdiction, using: &generator)
                    .contains { question in planted.correctCategory(of: question).map(categories.contains) ?? false }
            }
            .map(\.id))
    }

    @Test(arguments: [3, 17, 40] as [UInt64])
    func aMissedCategoryQuestionMakesItsCategoryWeak(seed: UInt64) throws {
        let plan = planted.plan(seed: seed)
        let target = try #require(plan.questions.lazy.compactMap(planted.correctCategory).first)
        let record = planted.record(plan, person: Trainee(name: "Kim Lee")) { question in
            planted.correctCategory(of: question) == .some(target) ? PlantedAttempts.plainWrong(question) : nil
        }
        let weak = WeakAreas(found: record, catalog: planted.catalog)
        #expect(weak.categories == [target] && weak.mistakes.isEmpty)
        #expect(weak.recordID == record.id && weak.jurisdiction == planted.jurisdiction.id)

        let practise = weak.vignettesToPractise(
            in: content.vignettes, under: planted.jurisdiction, engine: content.library.engine, mistakes: content.mistakes)
        #expect(!practise.isEmpty)
        #expect(practise == vignettesAsking([target]))
    }

    @Test func aChosenMistakeIsWeakWithTheCategoryInForce() throws {
        var found: (plan: TrainingPlan, question: Question, mistake: AnswerOption)?
        for seed in UInt64(1)...60 where found == nil {
            let plan = planted.plan(seed: seed)
            for question in plan.questions where found == nil {
                if let mistake = question.options.first(where: { $0.mistake != nil }) { found = (plan, question, mistake) }
            }
        }
        let (plan, chosenAt, mistake) = try #require(found)
        let record = planted.record(plan, person: Trainee(name: "Kim Lee")) { $0.id == chosenAt.id ? mistake.id : nil }
        let weak = WeakAreas(found: record, catalog: planted.catalog)
        #expect(weak.mistakes == [try #require(mistake.mistake?.id)])
        let inForce = plan.questions.filter {
            $0.vignette.id == chosenAt.vignette.id && $0.stage <= chosenAt.stage && $0.kind == .category
        }
        .last.flatMap(planted.correctCategory)
        #expect(weak.categories == [try #require(inForce)])
    }

    @Test func aFlawlessAttemptFindsNothingAndPractisesNothing() throws {
        let record = planted.record(planted.plan(seed: 5), person: Trainee(name: "Kim Lee")) { _ in nil }
        let weak = WeakAreas(found: record, catalog: planted.catalog)
        #expect(weak.isEmpty)
        #expect(
            weak.vignettesToPractise(
                in: content.vignettes, under: planted.jurisdiction, engine: content.library.engine, mistakes: content.mistakes
            ).isEmpty)
    }

    @Test func weakAreasOfAnotherCountyPractiseNothingHere() throws {
        let other = try #require(content.library.jurisdictionIDs.first { $0 != "marin" })
        let plan = planted.plan(seed: 3)
        let record = planted.record(plan, person: Trainee(name: "Kim Lee"), wrong: PlantedAttempts.plainWrong)
        var weak = WeakAreas(found: record, catalog: planted.catalog)
        #expect(!weak.isEmpty)
        weak.jurisdiction = JurisdictionID(other)
        #expect(
            weak.vignettesToPractise(
                in: content.vignettes, under: planted.jurisdiction, engine: content.library.engine, mistakes: content.mistakes
            ).isEmpty)
    }

    /// Over random histories: the vignettes to practise are exactly those asking a weak category
    /// (and, for a weak mistake offered only on some cases, those with its flag: a superset then);
    /// the refresher's plan meets them first, unseen before seen.
    @Test func overRandomHistoriesTheRefresherStartsOnTheWeakAreas() throws {
        var random = SplitMix64(seed: 2026)
        for _ in 0..<25 {
            let plans = (0..<Int.random(in: 1...3, using: &random)).map { _ in
                planted.plan(seed: UInt64.random(in: 0...UInt64.max, using: &random))
            }
            var records: [CompletionRecord] = []
            for (index, plan) in plans.enumerated() {
                let rate = Double.random(in: 0...0.5, using: &random)
                let choices = plan.questions.map { question -> OptionID? in
                    guard Double.random(in: 0..<1, using: &random) < rate else { return nil }
                    return question.options.filter { $0.id != question.correctOptionID }
                        .randomElement(using: &random)?.id
                }
                let byID = Dictionary(uniqueKeysWithValues: zip(plan.questions.map(\.id), choices))
                records.append(
                    planted.record(
                        plan, person: Trainee(name: "Kim Lee"), completed: "2026-09-1\(index)T10:00:00-07:00",
                        passed: Bool.random(using: &random) || index == plans.count - 1
                    ) { byID[$0.id] ?? nil })
            }
            let history = TraineeHistory(records: records)
            let passed = try #require(history.lastPassedAttempt)
            let weak = try #require(history.weakAreas(in: content))
            #expect(weak.recordID == passed.id)
            let practise = weak.vignettesToPractise(
                in: content.vignettes, under: planted.jurisdiction, engine: content.library.engine, mistakes: content.mistakes)
            let flagged = content.mistakes.contains { weak.mistakes.contains($0.id) && $0.onlyWhen != nil }
            let asking = vignettesAsking(weak.categories)
            #expect(flagged ? practise.isSuperset(of: asking) : practise == asking)

            let draw = history.refresherDraw(under: planted.jurisdiction, content: content)
            #expect(draw.practise == practise && draw.seen == history.seenVignettes)
            let refresher = TrainingPlan(
                bank: content.vignettes, jurisdiction: planted.jurisdiction, length: .targetedRefresher, seed: 9,
                builder: content.questionBuilder, draw: draw)
            // Practise-and-unseen, unseen, practise-and-seen, seen: the plan never goes back a group,
            // and starts in the first group the bank has.
            func group(_ id: VignetteID) -> Int {
                (history.seenVignettes.contains(id) ? 2 : 0) + (practise.contains(id) ? 0 : 1)
            }
            let groups = refresher.vignettes.map(group)
            #expect(groups == groups.sorted())
            #expect(groups.first == content.vignettes.map { group($0.id) }.min())
            #expect(refresher.questions.count >= SessionLength.targetedRefresherQuestions)
        }
    }
}

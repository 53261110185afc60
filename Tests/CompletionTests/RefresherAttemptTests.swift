import Completion
import ContentLoading
import Foundation
import LocalStore
import ProtocolEngine
import Records
import ScenarioEngine
import Storage
import TestSupport
import Testing
import Training

/// A person's targeted refresher through the application layer: begun from their stored history,
/// drawn from what their passed attempt got wrong, recorded as practice.
@Suite(.serialized)
struct RefresherAttemptTests {
    let planted: PlantedAttempts

    init() throws {
        let content = try Fixtures.trainingContent()
        planted = PlantedAttempts(content: content, jurisdiction: try #require(content.library.jurisdiction("marin")))
    }

    func training(_ data: TemporaryDataDirectory) -> SelfPacedTraining {
        SelfPacedTraining(
            content: planted.content, progress: ProgressStore(directory: data.url), records: data.records,
            clock: FakeClock().trainingClock, newSeed: { 23 })
    }

    @Test func theRefresherStartsOnTheCategoryThePersonMissed() async throws {
        let data = try TemporaryDataDirectory()
        defer { data.remove() }
        let person = Trainee(name: "Kim Lee", employeeID: "E-7")
        let plan = planted.plan(seed: 3)
        let target = try #require(plan.questions.lazy.compactMap(planted.correctCategory).first)
        let passed = planted.record(plan, person: person) { question in
            planted.correctCategory(of: question) == .some(target) ? PlantedAttempts.plainWrong(question) : nil
        }
        _ = try await data.records.saveOnce(passed)

        let attempts = training(data)
        let attempt = try await attempts.beginRefresher(person, as: "E-7")
        #expect(attempt.progress.purpose == .refresher)
        let refresher = attempt.session.plan
        let lastVignette = try #require(refresher.vignettes.last)
        #expect(refresher.questions.count >= SessionLength.targetedRefresherQuestions)
        #expect(
            refresher.questions.filter { $0.vignette.id != lastVignette }.count < SessionLength.targetedRefresherQuestions,
            "about five questions: it stops at the vignette that reaches them")
        let first = try #require(refresher.vignettes.first)
        #expect(
            refresher.questions.contains { $0.vignette.id == first && planted.correctCategory(of: $0) == .some(target) },
            "its first case asks the category missed")
        #expect(!plan.vignettes.contains(first), "and is one not met before")
    }

    @Test func aFinishedRefresherIsPracticeAndCompletesNothing() async throws {
        let data = try TemporaryDataDirectory()
        defer { data.remove() }
        let person = Trainee(name: "Kim Lee", employeeID: "E-7")
        _ = try await data.records.saveOnce(planted.record(planted.plan(seed: 4), person: person) { _ in nil })
        let attempts = training(data)
        var attempt = try await attempts.beginRefresher(person, as: "E-7")
        _ = try attempt.start()
        while let question = attempt.session.current { _ = try attempt.handle(.choose(question.correctOptionID)) }
        let finished = try await attempt.finish()
        #expect(finished.record.purpose == .refresher)
        #expect(finished.record.outcome == .practice(.refresher, percent: 100))
        let history = try await TraineeHistory.of(person, in: data.records)
        #expect(history.refreshersSinceLastPass.map(\.id) == [finished.record.id])
    }

    @Test func withoutAPassedAttemptThereIsNoRefresher() async throws {
        let data = try TemporaryDataDirectory()
        defer { data.remove() }
        let person = Trainee(name: "Kim Lee", employeeID: "E-7")
        _ = try await data.records.saveOnce(planted.record(planted.plan(seed: 4), person: person, passed: false) { _ in nil })
        await #expect(throws: AttemptError.noPassedAttempt(trainee: "Kim Lee")) {
            _ = try await training(data).beginRefresher(person, as: "E-7")
        }
    }
}

import Completion
import ContentLoading
import Foundation
import LocalStore
import ProtocolEngine
import RecordStore
import Records
import ScenarioEngine
import TestSupport
import Testing
import Training

/// A person's next attempt meets the vignettes they have not seen first, read from their
/// records (found as the compliance report finds people); the vignettes it drew are saved, so
/// resuming it rebuilds the same questions; a practice attempt's record says its purpose.
@Suite(.serialized)
struct RetakeDrawTests {
    let content: TrainingContent
    let marin: JurisdictionProtocol

    init() throws {
        content = try Fixtures.trainingContent()
        marin = try #require(content.library.jurisdiction("marin"))
    }

    func training(_ data: TemporaryDataDirectory, seed: UInt64) -> SelfPacedTraining {
        SelfPacedTraining(
            content: content, progress: ProgressStore(directory: data.url), records: data.records,
            clock: FakeClock().trainingClock, newSeed: { seed })
    }

    /// Answers every question of `attempt` correctly and stores its record; the attempt is let go.
    func finish(_ taken: SelfPacedAttempt) async throws -> CompletionRecord {
        var attempt = taken
        _ = try attempt.start()
        while let question = attempt.session.current {
            _ = try attempt.handle(.choose(question.correctOptionID))
        }
        return try await attempt.finish().record
    }

    @Test func aRetakeDrawsTheVignettesNotSeenFirstAndResumesOnThem() async throws {
        let data = try TemporaryDataDirectory()
        defer { data.remove() }
        let person = Trainee(name: "Ana Ruiz", employeeID: "E-7", school: "Lincoln High")
        // The same seed both times: only the draw can make the second attempt differ.
        let attempts = training(data, seed: 5)
        let first = try attempts.begin(person, jurisdiction: marin, length: .vignettes(3))
        #expect(first.progress.drawn == nil, "nothing seen before: the seeded order, nothing more saved")
        let firstRecord = try await finish(consume first)

        // Found by employee id, though the name is written differently.
        let draw = try await attempts.retakeDraw(for: Trainee(name: "ana  RUIZ", employeeID: "e-7"))
        let seen = Set(firstRecord.questions.map { VignetteID($0.vignette) })
        #expect(draw.seen == seen && seen.count == 3)
        let second = try attempts.begin(person, jurisdiction: marin, length: .vignettes(3), draw: draw)
        let plan = second.session.plan
        #expect(Set(plan.vignettes).isDisjoint(with: seen))
        #expect(second.progress.drawn == plan.vignettes)
        _ = consume second

        let resumed = try attempts.resume(trainee: "Ana Ruiz")
        #expect(resumed.session.plan == plan)
        #expect(try await attempts.retakeDraw(for: Trainee(name: "Someone Else")) == .seededOrder)
    }

    @Test(arguments: [AttemptPurpose.preTest, .refresher])
    func aPracticeAttemptIsRecordedWithItsPurpose(purpose: AttemptPurpose) async throws {
        let data = try TemporaryDataDirectory()
        defer { data.remove() }
        let attempts = training(data, seed: 9)
        let attempt = try attempts.begin(
            Trainee(name: "Kim Lee"), jurisdiction: marin, length: .vignettes(1), purpose: purpose)
        #expect(try ProgressStore(directory: data.url).load(for: "Kim Lee")?.purpose == purpose)
        let record = try await finish(consume attempt)
        #expect(record.purpose == purpose && record.schemaVersion == 5)
        #expect(!record.outcome.completesTraining, "answered all correctly, and still practice")
        let stored = try data.store.find(record.id.uuidString.lowercased())
        #expect(stored.record.purpose == purpose)
    }
}

import ContentLoading
import ProtocolEngine
import ScenarioEngine
import TestSupport
import Testing
import Training

/// A length counted in questions (the targeted refresher's about five): vignettes until at least
/// that many questions, the last vignette drawn the one that reached it.
struct QuestionCountLengthTests {
    @Test(arguments: [1, SessionLength.targetedRefresherQuestions, 9])
    func vignettesAreDrawnUntilTheQuestionsAreReached(_ count: Int) throws {
        let content = try Fixtures.trainingContent()
        let jurisdiction = try #require(content.library.jurisdiction("marin"))
        for seed: UInt64 in [1, 2, 3, 42] {
            let plan = TrainingPlan(
                bank: content.vignettes, jurisdiction: jurisdiction, length: .questions(count), seed: seed,
                builder: content.questionBuilder)
            #expect(plan.questions.count >= count)
            let withoutLast = plan.questions.filter { $0.vignette.id != plan.vignettes.last }
            #expect(withoutLast.count < count)
        }
        #expect(SessionLength.questions(count).name == "\(count) question\(count == 1 ? "" : "s")")
    }

    @Test func theTargetedRefresherIsFiveQuestions() {
        #expect(SessionLength.targetedRefresher == .questions(SessionLength.targetedRefresherQuestions))
        #expect(SessionLength.targetedRefresher.summary == "a short practice, about 5 questions")
        #expect(SessionLength.targetedRefresher != .refresher, "the untargeted refresher keeps its length")
    }
}

import ContentLoading
import ProtocolEngine
import ScenarioEngine
import Scoring
import TestSupport
import Testing
import Training

struct TrainingSessionTests {
    func session(seed: UInt64 = 7, count: Int = 3) throws -> TrainingSession {
        let content = try Fixtures.trainingContent()
        let marin = try #require(content.library.jurisdiction("marin"))
        let plan = TrainingPlan(
            bank: content.vignettes, jurisdiction: marin, count: count, seed: seed, builder: content.questionBuilder)
        return TrainingSession(plan: plan, policy: content.policy)
    }

    @Test func startsWithTheStoryAndTheFirstQuestion() throws {
        let session = try session()
        let effects = session.start()
        guard case .presentStory(_, 0, 1, _, true) = effects.first, case .ask(_, 1, _) = effects.last else {
            Issue.record("unexpected start: \(effects)")
            return
        }
    }

    @Test func anAnswerGivesFeedbackSavesAndMovesOn() throws {
        var session = try session()
        let first = try #require(session.current)
        let effects = session.handle(.choose(first.correctOptionID))
        guard let feedback = effects.lazy.compactMap(Self.feedback).first else {
            Issue.record("no feedback: \(effects)")
            return
        }
        #expect(feedback.isCorrect)
        #expect(effects.contains(.saveProgress))
        #expect(session.answers.count == 1)
        #expect(session.current?.id != first.id)
    }

    static func feedback(_ effect: TrainingSession.Effect) -> Feedback? {
        if case .feedback(let feedback) = effect { feedback } else { nil }
    }

    /// Every answer of every plan is saved before the trainee sees it judged: a crash or a full
    /// disk between the two never loses an answer already shown right or wrong.
    @Test(arguments: [1, 7, 42, 99] as [UInt64])
    func everyAnswerIsSavedBeforeItsFeedbackIsShown(seed: UInt64) throws {
        var session = try session(seed: seed, count: 3)
        var answered = 0
        while let question = session.current {
            let effects = session.handle(.choose(question.options[answered % question.options.count].id))
            answered += 1
            let saved = try #require(effects.firstIndex(of: .saveProgress))
            let shown = try #require(effects.firstIndex { Self.feedback($0) != nil })
            #expect(saved < shown, "answer \(answered): \(effects)")
        }
        #expect(answered > 3)
    }

    @Test func commandsChangeNothing() throws {
        var session = try session()
        for input in [TrainingSession.Input.help, .repeatQuestion, .showProtocol] {
            _ = session.handle(input)
        }
        #expect(session.answers.isEmpty)
        #expect(session.handle(.quit) == [.paused(answered: 0, of: session.plan.questions.count)])
    }

    @Test func answeringEveryQuestionFinishesWithTheScoringModulesReport() throws {
        var session = try session()
        var last: [TrainingSession.Effect] = []
        var chosen: [AnsweredQuestion] = []
        while let question = session.current {
            let option = question.options.first!.id
            chosen.append(AnsweredQuestion(question: question, chosen: option))
            last = session.handle(.choose(option))
        }
        #expect(last.last == .finished(session.policy.score(chosen)))
        #expect(session.isFinished)
    }

    @Test func replayRestoresSavedAnswers() throws {
        var original = try session()
        for _ in 0..<2 { _ = original.handle(.choose(original.current!.options.last!.id)) }
        var resumed = try session()
        try resumed.replay(original.savedAnswers)
        #expect(resumed.answers == original.answers)
        #expect(resumed.current?.id == original.current?.id)
    }

    @Test func replayRefusesAnswersFromOtherContent() throws {
        var resumed = try session()
        #expect(throws: ResumeError.self) {
            try resumed.replay([SavedAnswer(questionID: "gone#0/category", optionID: "category:none")])
        }
    }

    @Test func theSameSeedGivesTheSamePlan() throws {
        #expect(try session(seed: 11).plan == session(seed: 11).plan)
        let options = try (1...5).map { seed in try session(seed: seed).plan.questions.map { $0.options.map(\.id) } }
        #expect(Set(options).count > 1, "five seeds gave the same shuffles")
    }
}

/// Named session lengths: a refresher of about eight questions is the start of the course.
struct SessionLengthTests {
    @Test(arguments: Fixtures.jurisdictionIDs)
    func aRefresherIsAboutEightQuestionsAndTheStartOfTheCourse(_ id: String) throws {
        let content = try Fixtures.trainingContent()
        let jurisdiction = try #require(content.library.jurisdiction(id))
        for seed: UInt64 in [1, 2, 3, 42] {
            func plan(_ length: SessionLength) -> TrainingPlan {
                TrainingPlan(
                    bank: content.vignettes, jurisdiction: jurisdiction, length: length, seed: seed,
                    builder: content.questionBuilder)
            }
            let refresher = plan(.refresher)
            let course = plan(.course)
            #expect(refresher.questions.count >= SessionLength.refresherQuestions)
            // The last vignette drawn is the one that reached the target.
            let withoutLast = refresher.questions.filter { $0.vignette.id != refresher.vignettes.last }
            #expect(withoutLast.count < SessionLength.refresherQuestions)
            #expect(course.vignettes.count == SessionLength.courseVignettes)
            let shared = min(refresher.vignettes.count, course.vignettes.count)
            #expect(Array(refresher.vignettes.prefix(shared)) == Array(course.vignettes.prefix(shared)))
            // Saving the vignette count rebuilds the same plan on resume.
            #expect(plan(.vignettes(refresher.vignettes.count)) == refresher)
        }
    }
}

/// A critical mistake: the feedback says at once that the attempt will not pass, the first
/// time only, and the trainee can go on or stop.
struct CriticalMistakeFeedbackTests {
    @Test func theFirstCriticalMistakeSaysTheAttemptWillNotPass() throws {
        let content = try Fixtures.trainingContent()
        let marin = try #require(content.library.jurisdiction("marin"))
        let plan = TrainingPlan(
            bank: content.vignettes, jurisdiction: marin, length: .course, seed: 11, builder: content.questionBuilder)
        var session = TrainingSession(plan: plan, policy: content.policy)
        var notices: [Bool] = []
        while let question = session.current {
            let critical = question.options.first { $0.mistake?.critical == true }
            let effects = session.handle(.choose(critical?.id ?? question.correctOptionID))
            for case .feedback(let feedback) in effects where feedback.isCritical {
                notices.append(feedback.attemptCannotPass)
                #expect(feedback.whyWrong?.contains("critical mistake") == true)
            }
        }
        try #require(notices.count >= 2, "the plan should offer at least two critical mistakes")
        #expect(notices == [true] + Array(repeating: false, count: notices.count - 1))
    }
}

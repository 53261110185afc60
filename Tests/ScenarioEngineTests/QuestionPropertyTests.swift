import ContentLoading
import ProtocolEngine
import ScenarioEngine
import TestSupport
import Testing

/// For 1,000 random fact sets under each of the five jurisdictions, every generated question
/// has exactly one correct option, and it is what the protocol engine computes.
struct QuestionPropertyTests {
    static let jurisdictions = Fixtures.jurisdictionIDs

    @Test(arguments: jurisdictions)
    func everyQuestionHasExactlyOneCorrectOptionFromTheEngine(_ id: String) throws {
        let content = try Fixtures.trainingContent()
        let jurisdiction = try #require(content.library.jurisdiction(id))
        let engine = content.library.engine
        let builder = content.questionBuilder
        var generator = SplitMix64(seed: 0xC5EC_0000 + UInt64(id.count))

        for number in 0..<1_000 {
            let vignette = RandomFacts.vignette(number: number, from: content.library.vocabulary, using: &generator)
            let questions = builder.questions(for: vignette, under: jurisdiction, using: &generator)
            let keys = engine.answerKeys(for: vignette, under: jurisdiction)
            try #require(!questions.isEmpty)
            for question in questions {
                let key = keys[question.stage]
                #expect(Set(question.options.map(\.id)).count == question.options.count, "duplicate option ids")
                #expect(Set(question.options.map(\.text)).count == question.options.count, "duplicate option texts")
                switch question.kind {
                case .category:
                    let correct = question.options.filter { $0.origin == .category(key.classification.category) }
                    #expect(correct.map(\.id) == [question.correctOptionID])
                case .nextStep:
                    let decision = try #require(key.nextStep)
                    #expect(question.options.count == 4, "\(question.id): \(question.options.map(\.text))")
                    let correct = try #require(question.correctOption)
                    #expect(matches(correct, decision))
                    #expect(question.options.filter { matches($0, decision) }.count == 1, "\(question.id)")
                    let others = question.options.filter { $0.id != correct.id }
                    #expect(others.allSatisfy { Set($0.actions).isDisjoint(with: decision.actions) }, "\(question.id)")
                }
                let wrong = question.options.filter { $0.id != question.correctOptionID }
                #expect(
                    wrong.allSatisfy { !(question.explanation.whyWrong[$0.id] ?? "").isEmpty },
                    "\(question.id): a wrong option without its reason")
            }
        }
    }

    /// `answer --done N` names steps, vignettes name actions: the steps a person says are done
    /// are never asked again, and the answer is the one the vignette path gives for the same
    /// actions, in every county (its own definitions included).
    @Test(arguments: jurisdictions)
    func stepsSaidDoneAreNeverAskedAgain(_ id: String) throws {
        let content = try Fixtures.trainingContent()
        let jurisdiction = try #require(content.library.jurisdiction(id))
        let engine = content.library.engine
        var generator = SplitMix64(seed: 0x5EED_0000 + UInt64(id.count))
        for _ in 0..<1_000 {
            let facts = RandomFacts.facts(from: content.library.vocabulary, using: &generator)
            guard let category = engine.classify(facts, under: jurisdiction).category.flatMap(jurisdiction.category) else {
                continue
            }
            let said = Set(category.steps.map(\.number).filter { _ in Bool.random(using: &generator) })
            let actions = engine.actions(ofSteps: said, emergencyHandled: true, for: facts, under: jurisdiction)
            let key = engine.answerKey(for: facts, done: actions, under: jurisdiction)
            let decision = try #require(key.nextStep)
            #expect(decision.kind != .emergency)
            if let step = decision.step { #expect(!said.contains(step.number), "\(id): step \(step.number) asked again") }
            let vignette = Vignette(
                id: "agreement", title: "Agreement", narrative: "Generated.", facts: facts, stages: [Stage(done: actions)],
                tags: VignetteTags(audience: [], difficulty: .introductory, topics: []))
            #expect(engine.answerKeys(for: vignette, under: jurisdiction) == [key])
            let questions = content.questionBuilder.questions(for: vignette, under: jurisdiction, using: &generator)
            let nextStep = try #require(questions.last { $0.kind == .nextStep })
            #expect(nextStep.explanation.answer == decision.wording)
        }
    }

    /// Whether an option says what the engine's decision says.
    private func matches(_ option: AnswerOption, _ decision: NextStepDecision) -> Bool {
        switch (option.origin, decision.kind) {
        case (.emergency, .emergency), (.complete, .complete): true
        case (.step(_, let number), .step): number == decision.step?.number && option.text == decision.wording
        case (.alternative(_, let number), .alternative): number == decision.step?.number && option.text == decision.wording
        default: false
        }
    }

    @Test func theSameSeedGivesTheSameQuestions() throws {
        let content = try Fixtures.trainingContent()
        let marin = try #require(content.library.jurisdiction("marin"))
        func questions(seed: UInt64) -> [[String]] {
            var generator = SplitMix64(seed: seed)
            return content.vignettes.flatMap { content.questionBuilder.questions(for: $0, under: marin, using: &generator) }
                .map { $0.options.map(\.id.rawValue) }
        }
        #expect(questions(seed: 42) == questions(seed: 42))
        #expect(questions(seed: 42) != questions(seed: 43))
    }
}

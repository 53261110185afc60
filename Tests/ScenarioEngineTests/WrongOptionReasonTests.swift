import ContentLoading
import ProtocolEngine
import ScenarioEngine
import TestSupport
import Testing

/// Feedback on a wrong answer says why that option is wrong for this case. A builder that
/// offers every candidate as a distractor shows the reason each one gets.
struct WrongOptionReasonTests {
    static func everyOption(_ content: TrainingContent) -> QuestionBuilder {
        QuestionBuilder(engine: content.library.engine, mistakes: content.mistakes, distractorCount: 100)
    }

    static func questions(_ facts: Facts, done: Set<ActionID>, under id: String) throws -> [Question] {
        let content = try Fixtures.trainingContent()
        let jurisdiction = try #require(content.library.jurisdiction(id))
        let vignette = Vignette(
            id: "reasons", title: "Reasons", narrative: "Generated.", facts: facts, stages: [Stage(done: done)],
            tags: VignetteTags(audience: [], difficulty: .introductory, topics: []))
        var generator = SplitMix64(seed: 7)
        return everyOption(content).questions(for: vignette, under: jurisdiction, using: &generator)
    }

    @Test func aLaterStepIsNotDueWhileStepOneStillNeedsTheCall() throws {
        let library = try Fixtures.library()
        let marin = try #require(library.jurisdiction("marin"))
        let category = try #require(marin.category("suspected-victim"))
        let firstStep = try category.firstStep(asking: "contact-child-welfare")
        let call = try #require(firstStep.parts["contact-child-welfare"]).trimmingTrailingPeriod
        let question = try #require(
            Self.questions(Facts(indicators: ["survival-sex"]), done: ["involve-law-enforcement"], under: "marin")
                .first { $0.kind == .nextStep })
        #expect(question.correctOption?.text == firstStep.parts["contact-child-welfare"])
        let later = question.options.filter {
            if case .step(let categoryID, let number) = $0.origin { return categoryID == category.id && number > 1 }
            return false
        }
        try #require(!later.isEmpty)
        for option in later {
            let why = try #require(question.explanation.whyWrong[option.id])
            #expect(why.contains("is not due yet"), "\(why)")
            #expect(why.contains("step \(firstStep.displayLabel) still needs: \(call)"), "\(why)")
        }
    }

    @Test func doesNotMeetCriteriaIsWrongWhenTwoCriteriaTwoFactorsArePresent() throws {
        let question = try #require(
            Self.questions(Facts(indicators: ["frequently-absent", "runaway-history"]), done: [], under: "marin")
                .first { $0.kind == .category })
        let library = try Fixtures.library()
        let marin = try #require(library.jurisdiction("marin"))
        let group = try #require(marin.category("at-risk")?.criteria.first { $0.threshold == 2 })
        let why = try #require(question.explanation.whyWrong["category:none"])
        #expect(why.hasPrefix("You chose “\(Classification.doesNotMeetCriteriaName)”"))
        #expect(why.contains(group.title))
        #expect(question.explanation.definition == library.engine.definition(of: .atRisk))
    }

    @Test func aLessSeriousCategoryIsWrongBecauseTheMoreSeriousOneComesFirst() throws {
        let question = try #require(
            Self.questions(
                Facts(indicators: ["survival-sex", "frequently-absent", "runaway-history"]), done: [], under: "marin"
            ).first { $0.kind == .category })
        let why = try #require(question.explanation.whyWrong["category:at-risk"])
        #expect(why.contains("most serious situation decides"), "\(why)")
    }

    @Test func aMistakeIsWrongForItsCatalogedReasonAndSaysWhenItIsCritical() throws {
        let content = try Fixtures.trainingContent()
        let question = try #require(
            Self.questions(Facts(indicators: ["survival-sex"]), done: [], under: "san-diego").first { $0.kind == .nextStep })
        for mistake in content.mistakes where mistake.onlyWhen == nil {
            let why = try #require(question.explanation.whyWrong[OptionID("mistake:\(mistake.id)")])
            #expect(why.hasPrefix(mistake.why))
            #expect(why.contains("critical mistake") == mistake.critical)
        }
    }

    /// A step another track prints in the same words is judged as this track's step.
    @Test func aStepThisTrackSharesIsJudgedAsThisTracksStep() throws {
        let library = try Fixtures.library()
        let marin = try #require(library.jurisdiction("marin"))
        let victim = try #require(marin.category("suspected-victim"))
        let confirmed = try #require(marin.category("confirmed-victim"))
        let shared = try #require(
            confirmed.steps.first { step in victim.steps.contains { $0.wording == step.wording && $0.number > 1 } })
        let question = try #require(
            Self.questions(Facts(indicators: ["survival-sex"]), done: [], under: "marin").first { $0.kind == .nextStep })
        let why = try #require(question.explanation.whyWrong[OptionID("step:confirmed-victim:\(shared.number)")])
        #expect(why.contains("is not due yet"), "\(why)")
        #expect(!why.contains("belongs to"))
    }

    @Test func anotherCategorysStepIsWrongBecauseOfTheTrack() throws {
        let question = try #require(
            Self.questions(Facts(indicators: ["survival-sex"]), done: [], under: "san-mateo").first { $0.kind == .nextStep })
        let other = try #require(
            question.options.first {
                if case .step(let categoryID, _) = $0.origin { return categoryID != "suspected-victim" }
                return false
            })
        #expect(question.explanation.whyWrong[other.id]?.contains("this case follows") == true)
    }
}

import ContentLoading
import ProtocolEngine
import ScenarioEngine
import TestSupport
import Testing

/// Stages say what was done as actions; each county's steps count as done accordingly.
struct ProgressMappingTests {
    @Test func aStepIsDoneOnlyWhenAllItsActionsAre() throws {
        let library = try Fixtures.library()
        let marin = try #require(library.jurisdiction("marin"))
        let category = try #require(marin.category("suspected-victim"))
        let facts = Facts(indicators: ["survival-sex"])
        let partial = library.engine.progress(after: ["involve-law-enforcement"], in: category, of: marin, facts: facts)
        #expect(!partial.completedSteps.contains(1))
        let whole = library.engine.progress(
            after: ["involve-law-enforcement", "contact-child-welfare"], in: category, of: marin, facts: facts)
        #expect(whole.completedSteps.contains(1))
    }

    @Test func theSameActionsMeanDifferentStepsInDifferentCounties() throws {
        let library = try Fixtures.library()
        let done: Set<ActionID> = ["submit-mandated-report"]
        let facts = Facts(indicators: ["atypical-online-sexual-behavior"])
        let orange = try #require(library.jurisdiction("orange-county"))
        let marin = try #require(library.jurisdiction("marin"))
        let orangeAtRisk = try #require(orange.category("at-risk"))
        let marinAtRisk = try #require(marin.category("at-risk"))
        #expect(library.engine.progress(after: done, in: orangeAtRisk, of: orange, facts: facts).completedSteps == [1])
        #expect(library.engine.progress(after: done, in: marinAtRisk, of: marin, facts: facts).completedSteps == [3])
    }

    @Test func theAlternativeCountsAsDoneWhenTheExceptionHolds() throws {
        let library = try Fixtures.library()
        let marin = try #require(library.jurisdiction("marin"))
        let category = try #require(marin.category("confirmed-victim"))
        let informStep = try category.firstStep(asking: "inform-parent-or-guardian")
        let facts = Facts(flags: [.exploitationConfirmed, .guardianIsSuspectedExploiter])
        let referral = Set(try #require(informStep.exception).instead.actions)
        let progress = library.engine.progress(after: referral, in: category, of: marin, facts: facts)
        #expect(progress.completedSteps.contains(informStep.number))
        // A call to Children and Family Services is not the referral the alternative prints.
        let call = library.engine.progress(after: ["contact-child-welfare"], in: category, of: marin, facts: facts)
        #expect(!call.completedSteps.contains(informStep.number))
    }

    @Test func calling911HandlesTheEmergency() throws {
        let library = try Fixtures.library()
        let sanDiego = try #require(library.jurisdiction("san-diego"))
        let category = try #require(sanDiego.category("suspected-victim"))
        let progress = library.engine.progress(after: ["call-911"], in: category, of: sanDiego, facts: Facts())
        #expect(progress.emergencyHandled)
    }

    @Test func mismatchedExpectationsAreFound() throws {
        let library = try Fixtures.library()
        let sanDiego = try #require(library.jurisdiction("san-diego"))
        let vignette = Vignette(
            id: "mismatch", title: "Mismatch", narrative: "A student.", facts: Facts(indicators: ["sextortion"]), stages: [],
            tags: VignetteTags(audience: [], difficulty: .introductory, topics: []),
            expectations: ["san-diego": AuthorExpectation(category: "confirmed-victim", nextSteps: [.step(2)])])
        let mismatches = library.engine.mismatches(in: vignette, under: sanDiego)
        #expect(mismatches.count == 2)
        #expect(mismatches.first?.description.contains("computes suspected-victim") == true)
    }

    /// The lint reads a vignette's facts once and judges them under every county: it must find
    /// what checking each county on its own finds, county by county.
    @Test func checkingEveryCountyAtOnceFindsWhatEachCountyFinds() throws {
        let library = try Fixtures.library()
        let vignette = Vignette(
            id: "mismatch", title: "Mismatch", narrative: "A student.",
            facts: Facts(indicators: ["runaway-history", "older-controlling-partner"]),
            stages: [Stage(), Stage(done: ["call-911"], addedFacts: Facts(indicators: ["sextortion"]))],
            tags: VignetteTags(audience: [], difficulty: .introductory, topics: []),
            expectations: Dictionary(
                uniqueKeysWithValues: library.protocols.map {
                    ($0.id, AuthorExpectation(category: "at-risk", nextSteps: [.step(1), .step(1)]))
                }))
        let together = library.engine.mismatches(in: vignette, under: library.protocols)
        let oneByOne = library.protocols.flatMap { library.engine.mismatches(in: vignette, under: $0) }
        #expect(together == oneByOne)
        #expect(Set(together.map(\.jurisdiction)).count > 1, "the expectations are wrong in several counties")
    }
}

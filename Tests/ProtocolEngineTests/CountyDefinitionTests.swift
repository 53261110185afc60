import ContentLoading
import ProtocolEngine
import TestSupport
import Testing

/// Each county's own definitions: actions it defines through others, steps half done, the
/// three states of the evidence, the guardian alternative, and categories it does not have.
/// Steps are found by what they ask, and expected words come from the protocol files.
struct CountyDefinitionTests {
    // MARK: Actions a county defines through another

    /// Marin's glossary: a mandated report is filed by calling Children and Family Services,
    /// so a report made counts as that call, in Marin only.
    @Test(arguments: [
        ("marin", true), ("san-mateo", false), ("san-diego", false), ("orange-county", false), ("sro-flowchart", false),
    ])
    func aReportCountsAsTheCallOnlyWhereTheCountySaysSo(_ id: String, _ counts: Bool) throws {
        let library = try Fixtures.library()
        let jurisdiction = try #require(library.jurisdiction(id))
        let counted = jurisdiction.actionsCounted(asDone: ["submit-mandated-report"])
        #expect(counted.contains("contact-child-welfare") == counts)
        #expect(jurisdiction.actionsCounted(asDone: ["contact-child-welfare"]) == ["contact-child-welfare"])
    }

    @Test func marinsEquivalenceCompletesStepOneAndSaysWhy() throws {
        let library = try Fixtures.library()
        let marin = try #require(library.jurisdiction("marin"))
        let key = library.engine.answerKey(
            for: Facts(indicators: ["survival-sex"]), done: ["involve-law-enforcement", "submit-mandated-report"],
            under: marin)
        let decision = try #require(key.nextStep)
        let categoryID = try #require(key.classification.category)
        let category = try #require(marin.category(categoryID))
        let callStep = try category.firstStep(asking: "contact-child-welfare")
        #expect(decision.step?.number != callStep.number)
        let quote = try #require(marin.equivalences.first?.quote)
        #expect(decision.reasons.contains { $0.contains(quote) })
    }

    // MARK: Half-done steps

    /// A step asking two actions with one done: the answer is the missing action, in the
    /// step's own words for it.
    @Test(arguments: [
        ("marin", "suspected-victim", "involve-law-enforcement", "contact-child-welfare"),
        ("marin", "suspected-victim", "contact-child-welfare", "involve-law-enforcement"),
        ("marin", "suspected-recruitment", "involve-law-enforcement", "contact-child-welfare"),
        ("sro-flowchart", "confirmed-victim", "refer-to-counseling-or-services", "set-up-regular-contact"),
        ("san-diego", "suspected-recruitment", "school-consequence", "law-enforcement-investigation"),
    ])
    func aHalfDoneStepAsksOnlyForWhatIsMissing(_ id: String, _ categoryID: String, _ done: String, _ missing: String)
        throws
    {
        let library = try Fixtures.library()
        let jurisdiction = try #require(library.jurisdiction(id))
        let category = try #require(jurisdiction.category(CategoryID(categoryID)))
        let step = try category.firstStep(asking: ActionID(done))
        let before = category.steps.filter { $0.number < step.number }.flatMap(\.actions)
        let facts = NextStepTests.facts(for: category)
        let progress = library.engine.progress(
            after: Set(before + [ActionID(done)]), in: category, of: jurisdiction, facts: facts)

        let decision = library.engine.nextStep(in: category, of: jurisdiction, facts: facts, progress: progress)
        #expect(decision.step?.number == step.number)
        #expect(decision.actions == [ActionID(missing)])
        #expect(decision.alreadyDone == [ActionID(done)])
        #expect(decision.wording == step.parts[ActionID(missing)])
        #expect(decision.reasons.contains { $0.contains("half done") })
    }

    // MARK: Evidence has three states

    @Test(arguments: EvidenceAssessment.allCases)
    func evidenceNotAssessedIsNotEvidenceInsufficient(_ assessment: EvidenceAssessment) throws {
        let library = try Fixtures.library()
        for (id, categoryID) in [("san-diego", "suspected-victim"), ("sro-flowchart", "suspected-victim")] {
            let jurisdiction = try #require(library.jurisdiction(id))
            let category = try #require(jurisdiction.category(CategoryID(categoryID)))
            let databaseStep = try category.firstStep(asking: "enter-human-trafficking-database")
            let flags: Set<CaseFlag> =
                switch assessment {
                case .notAssessed: []
                case .insufficient: [.evidenceInsufficient]
                case .sufficient: [.evidenceSufficient]
                }
            let facts = Facts(indicators: ["survival-sex"], flags: flags)
            #expect(facts.evidence == assessment)
            let decision = library.engine.nextStep(
                in: category, of: jurisdiction, facts: facts, progress: category.progress(before: databaseStep))
            if assessment == .sufficient {
                #expect(decision.step?.number == databaseStep.number)
            } else {
                #expect(decision.skipped.map(\.number) == [databaseStep.number])
                #expect(decision.skipped.first?.reason.contains(assessment.summary.capitalizedFirst) == true)
            }
        }
    }

    // MARK: The guardian-perpetrator alternative

    /// Marin's alternative stays due after step 1's call to Children and Family Services and
    /// after the report: only the referral itself completes it, in both tracks.
    @Test(arguments: ["suspected-victim", "confirmed-victim"])
    func marinsGuardianAlternativeIsReachableAfterEveryEarlierStep(_ categoryID: String) throws {
        let library = try Fixtures.library()
        let marin = try #require(library.jurisdiction("marin"))
        let category = try #require(marin.category(CategoryID(categoryID)))
        let informStep = try category.firstStep(asking: "inform-parent-or-guardian")
        let exception = try #require(informStep.exception)
        let facts = NextStepTests.facts(for: category, extra: [.guardianIsSuspectedExploiter])
        let earlier = Set(category.steps.filter { $0.number < informStep.number }.flatMap(\.actions))
        #expect(earlier.isDisjoint(with: marin.actionsCounted(asDone: earlier).intersection(exception.instead.actions)))

        let key = library.engine.answerKey(for: facts, done: earlier, under: marin)
        #expect(key.nextStep?.kind == .alternative)
        #expect(key.nextStep?.step?.number == informStep.number)

        let after = library.engine.answerKey(for: facts, done: earlier.union(exception.instead.actions), under: marin)
        #expect(after.nextStep?.step?.number == informStep.number + 1)
    }

    // MARK: A category the county does not have

    @Test func orangeCountySaysItHasNoConfirmedVictimTrack() throws {
        let library = try Fixtures.library()
        let orange = try #require(library.jurisdiction("orange-county"))
        let classification = library.engine.classify(Facts(flags: [.exploitationConfirmed]), under: orange)
        let category = try #require(classification.category.flatMap(orange.category))
        #expect(category.covers.contains(.confirmedVictim))
        #expect(
            classification.reasons.contains { $0.contains("no separate confirmed victim track") && $0.contains(category.name) })
    }

    @Test(arguments: ["san-diego", "sro-flowchart"])
    func countiesWithoutAnAtRiskTrackSaySoAndNameWhatWouldApply(_ id: String) throws {
        let library = try Fixtures.library()
        let jurisdiction = try #require(library.jurisdiction(id))
        let facts = Facts(indicators: ["atypical-online-sexual-behavior"])
        let marin = try #require(library.jurisdiction("marin"))
        #expect(library.engine.classify(facts, under: marin).situation == .atRisk)

        let classification = library.engine.classify(facts, under: jurisdiction)
        #expect(classification.category == nil)
        let victimTrack = try #require(jurisdiction.category(covering: .suspectedVictim))
        #expect(classification.reasons.contains { $0.contains("prints no at risk track") && $0.contains(victimTrack.name) })
        #expect(classification.reasons.contains(ProtocolEngine.generalDutyReminder))
    }

    @Test func doesNotMeetCriteriaNamesTheServiceTheCasePointsTo() throws {
        let library = try Fixtures.library()
        let marin = try #require(library.jurisdiction("marin"))
        let service = try #require(library.vocabulary.indicator("unstable-housing")?.service)
        let classification = library.engine.classify(Facts(indicators: ["unstable-housing"]), under: marin)
        #expect(classification.category == nil)
        #expect(classification.reasons.contains { $0.contains(service) })
        #expect(classification.reasons.contains(ProtocolEngine.generalDutyReminder))
    }

    // MARK: Citations a person can look up

    @Test(arguments: NextStepTests.all)
    func citationsNameTheDocumentNeverAFile(_ id: String) throws {
        let library = try Fixtures.library()
        let jurisdiction = try #require(library.jurisdiction(id))
        for category in jurisdiction.categories {
            for step in category.steps {
                let text = jurisdiction.citation(of: step.number, in: category).description
                #expect(!text.contains(".txt"))
                #expect(!text.contains(jurisdiction.source.seed))
                #expect(text.hasPrefix(jurisdiction.document))
                #expect(text.hasSuffix("step \(step.displayLabel)"))
            }
        }
    }

    @Test func atRiskFactorsAreJoinedWithoutDoubledPunctuation() throws {
        let library = try Fixtures.library()
        let marin = try #require(library.jurisdiction("marin"))
        let facts = Facts(indicators: ["frequently-absent", "runaway-history"])
        let reasons = library.engine.classify(facts, under: marin).reasons.joined(separator: " ")
        #expect(!reasons.contains(".;"))
        #expect(!reasons.contains("..)"))
    }
}

/// Names are shown inside quotation marks: a name that carries its own would read ““At-Risk”
/// Factors”.
struct CategoryNameTests {
    @Test(arguments: NextStepTests.all)
    func categoryNamesCarryNoQuotationMarksOfTheirOwn(_ id: String) throws {
        let jurisdiction = try #require(try Fixtures.library().jurisdiction(id))
        for category in jurisdiction.categories {
            #expect(!category.name.contains { "“”\"".contains($0) }, "\(id): \(category.name)")
        }
    }
}

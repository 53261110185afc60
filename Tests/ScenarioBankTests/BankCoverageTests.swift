import ContentLoading
import ProtocolEngine
import ScenarioEngine
import TestSupport
import Testing

/// The bundled bank covers every county's categories and every conditional branch, as the
/// engine computes them (not as authors label them).
struct BankCoverageTests {
    static let content = Result { try Fixtures.trainingContent() }
    static let jurisdictions = Fixtures.jurisdictionIDs

    func survey(_ id: String) throws -> BankSurvey {
        let content = try Self.content.get()
        let jurisdiction = try #require(content.library.jurisdiction(id))
        return BankSurvey(content: content, jurisdiction: jurisdiction)
    }

    @Test func theBankHoldsAtLeastEightyVignettes() throws {
        #expect(try Self.content.get().vignettes.count >= 80)
    }

    /// `scenarios coverage`: every cell of jurisdiction × category × branch that the
    /// protocols define is exercised by at least one vignette.
    @Test func everyCoverageCellIsExercised() throws {
        let content = try Self.content.get()
        let matrix = CoverageMatrix(bank: content.vignettes, protocols: content.library.protocols, engine: content.library.engine)
        #expect(matrix.cells.count > 5 * 3)
        let empty = matrix.emptyCells.map { "\($0.jurisdiction)/\($0.category?.rawValue ?? "none")/\($0.branch.rawValue)" }
        #expect(empty.isEmpty, "no vignette exercises: \(empty.joined(separator: ", "))")
    }

    /// Every vignette states what the author expects under all five jurisdictions.
    @Test func everyVignetteExpectsAnAnswerUnderEveryJurisdiction() throws {
        let content = try Self.content.get()
        for vignette in content.vignettes {
            #expect(Set(vignette.expectations.keys.map(\.rawValue)) == Set(Self.jurisdictions), "\(vignette.id)")
        }
    }

    @Test(arguments: jurisdictions)
    func everyCategoryIsAnswered(_ id: String) throws {
        let survey = try survey(id)
        let all = Set(survey.jurisdiction.categories.map(\.id))
        #expect(survey.categoriesAnswered == all, "no vignette lands in \(all.subtracting(survey.categoriesAnswered))")
    }

    @Test(arguments: jurisdictions)
    func everyCategoryIsWalkedFromFirstStepToComplete(_ id: String) throws {
        let survey = try survey(id)
        let all = Set(survey.jurisdiction.categories.map(\.id))
        let missing = all.subtracting(survey.categoriesWalkedToCompletion)
        #expect(missing.isEmpty, "no multi-stage vignette walks \(missing) from step 1 to complete")
    }

    @Test(arguments: jurisdictions)
    func someVignettesDoNotMeetCriteria(_ id: String) throws {
        let survey = try survey(id)
        #expect(survey.doesNotMeetCriteria.count >= 3)
    }

    @Test(arguments: jurisdictions)
    func imminentDangerIsAskedAsTheEmergencyRule(_ id: String) throws {
        let emergencies = try survey(id).decisions(of: .emergency)
        #expect(!emergencies.isEmpty)
        #expect(emergencies.allSatisfy { $0.facts.has(.imminentDanger) })
    }

    @Test(arguments: jurisdictions)
    func parentContactIsPassedOverForAGuardianExploiterAndForAStudentWhoDeclines(_ id: String) throws {
        let survey = try survey(id)
        try #require(survey.prints(.parentContactAppropriate))
        let skips = survey.skips(of: .parentContactAppropriate)
        let alternatives = survey.decisions(of: .alternative)
        #expect(
            skips.contains { $0.facts.has(.guardianIsSuspectedExploiter) }
                || alternatives.contains { $0.facts.has(.guardianIsSuspectedExploiter) })
        #expect(skips.contains { $0.facts.has(.studentDeclinesParentContact) })
        #expect(survey.stepsTaken(with: .parentContactAppropriate).count >= 1)
    }

    @Test func marinsPrintedAlternativeIsAsked() throws {
        let alternatives = try survey("marin").decisions(of: .alternative)
        #expect(!alternatives.isEmpty)
        #expect(alternatives.allSatisfy { $0.facts.has(.guardianIsSuspectedExploiter) })
        #expect(alternatives.allSatisfy { $0.key.nextStep?.actions == $0.key.nextStep?.step?.exception?.instead.actions })
    }

    /// Only San Diego and the SRO flowchart print "if sufficient and/or reliable evidence exists".
    static let printingTheEvidenceCondition = ["san-diego", "sro-flowchart"]

    @Test func theEvidenceConditionIsPrintedWhereExpected() throws {
        let printing = try Self.jurisdictions.filter { try survey($0).prints(.evidenceSufficient) }
        #expect(printing.sorted() == Self.printingTheEvidenceCondition)
    }

    @Test(arguments: printingTheEvidenceCondition)
    func evidenceBothSufficientAndNot(_ id: String) throws {
        let survey = try survey(id)
        #expect(survey.skips(of: .evidenceSufficient).contains { !$0.facts.has(.evidenceSufficient) })
        #expect(survey.stepsTaken(with: .evidenceSufficient).contains { $0.facts.has(.evidenceSufficient) })
    }

    /// San Mateo counts only "narcotics, opiates, crack/cocaine and amphetamines" as the
    /// substance factor; Marin and Orange County count any substance.
    @Test func sanMateosNarrowSubstanceRuleIsAskedBothWays() throws {
        let sanMateo = try survey("san-mateo")
        let marin = try survey("marin")
        let narrowSubstances: Set<IndicatorID> = [
            "substance-use-narcotics-or-opiates", "substance-use-cocaine", "substance-use-amphetamines",
        ]
        let broadSubstances: Set<IndicatorID> = ["substance-use-alcohol", "substance-use-cannabis"]
        let pairs = zip(sanMateo.answers, marin.answers).filter { $0.0.stage == 0 }
        #expect(
            pairs.contains { mateo, marin in
                !mateo.facts.indicators.isDisjoint(with: broadSubstances)
                    && mateo.facts.indicators.isDisjoint(with: narrowSubstances)
                    && mateo.key.classification.category == nil && marin.key.classification.category == "at-risk"
            })
        #expect(
            pairs.contains { mateo, _ in
                !mateo.facts.indicators.isDisjoint(with: narrowSubstances)
                    && mateo.key.classification.situation == .atRisk
            })
    }

    /// Lint checks each `expect:` against the engine; this checks that every vignette states
    /// one for every county, so that lint checks them all.
    @Test func everyVignetteStatesItsAnswersForAllFiveCounties() throws {
        for vignette in try Self.content.get().vignettes {
            #expect(Set(vignette.expectations.keys.map(\.rawValue)) == Set(Self.jurisdictions), "\(vignette.id)")
        }
    }
}

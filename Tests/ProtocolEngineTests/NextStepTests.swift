import ContentLoading
import ProtocolEngine
import TestSupport
import Testing

/// Next-step rules: order, conditions, exceptions, emergencies and completion. Steps are found
/// by what they ask (their actions), so the tests hold whatever number a county gives them.
struct NextStepTests {
    static let all = ["sro-flowchart", "san-mateo", "san-diego", "marin", "orange-county"]

    /// Facts under which every category's conditional steps apply.
    static func facts(for category: SituationCategory, extra flags: Set<CaseFlag> = []) -> Facts {
        let situation = category.covers.min()!
        switch situation {
        case .confirmedVictim: return Facts(flags: Set<CaseFlag>([.exploitationConfirmed, .evidenceSufficient]).union(flags))
        case .suspectedVictim:
            return Facts(indicators: ["survival-sex"], flags: Set<CaseFlag>([.evidenceSufficient]).union(flags))
        case .suspectedRecruitment: return Facts(flags: Set<CaseFlag>([.studentRecruitingOthers]).union(flags))
        case .atRisk: return Facts(indicators: ["atypical-online-sexual-behavior"], flags: flags)
        }
    }

    @Test(arguments: all)
    func walkingEveryCategoryVisitsEveryStepInOrderThenCompletes(_ id: String) throws {
        let library = try Fixtures.library()
        let jurisdiction = try #require(library.jurisdiction(id))
        for category in jurisdiction.categories {
            let facts = Self.facts(for: category)
            var progress = CaseProgress.start
            var visited: [Int] = []
            while true {
                let decision = library.engine.nextStep(in: category, of: jurisdiction, facts: facts, progress: progress)
                guard decision.kind != .complete else {
                    #expect(decision.wording == NextStepDecision.completeWording)
                    break
                }
                let step = try #require(decision.step)
                #expect(decision.kind == .step)
                #expect(decision.skipped.isEmpty, "\(id) \(category.id): \(decision.skipped)")
                #expect(decision.citation == jurisdiction.citation(of: step.number, in: category))
                visited.append(step.number)
                progress.completedSteps.insert(step.number)
                try #require(visited.count <= category.steps.count)
            }
            #expect(visited == category.steps.map(\.number), "\(id) \(category.id)")
        }
    }

    @Test(arguments: all)
    func protocolCompleteAfterTheLastStep(_ id: String) throws {
        let library = try Fixtures.library()
        let jurisdiction = try #require(library.jurisdiction(id))
        for category in jurisdiction.categories {
            let done = CaseProgress(completedSteps: Set(category.steps.map(\.number)))
            let decision = library.engine.nextStep(
                in: category, of: jurisdiction, facts: Self.facts(for: category), progress: done)
            #expect(decision.kind == .complete)
            #expect(decision.step == nil)
        }
    }

    // MARK: The parent or guardian is the suspected exploiter

    /// Marin: "unless victimization is occurring by parent/guardian, in which case refer to
    /// Children and Family Services": an alternative action, not a skip.
    @Test(arguments: ["suspected-victim", "confirmed-victim"])
    func marinRefersToChildWelfareInsteadOfTheGuardian(_ categoryID: String) throws {
        let library = try Fixtures.library()
        let marin = try #require(library.jurisdiction("marin"))
        let category = try #require(marin.category(CategoryID(categoryID)))
        let informStep = try category.firstStep(asking: "inform-parent-or-guardian")
        let facts = Self.facts(for: category, extra: [.guardianIsSuspectedExploiter])

        let decision = library.engine.nextStep(
            in: category, of: marin, facts: facts, progress: category.progress(before: informStep))
        #expect(decision.kind == .alternative)
        #expect(decision.step?.number == informStep.number)
        #expect(decision.actions == informStep.exception?.instead.actions)
        #expect(!decision.actions.contains("inform-parent-or-guardian"))
        #expect(decision.skipped.isEmpty)
    }

    /// The other counties print no alternative: contact is not appropriate, so the step is
    /// passed over with the reason, and the protocol goes on.
    @Test(arguments: [
        ("orange-county", "suspected-recruitment-or-victimization"), ("san-diego", "suspected-victim"),
        ("san-mateo", "confirmed-victim"), ("sro-flowchart", "suspected-victim"),
    ])
    func otherCountiesSkipContactingTheGuardian(_ id: String, _ categoryID: String) throws {
        let library = try Fixtures.library()
        let jurisdiction = try #require(library.jurisdiction(id))
        let category = try #require(jurisdiction.category(CategoryID(categoryID)))
        let informStep = try category.firstStep(asking: "inform-parent-or-guardian")
        let facts = Self.facts(for: category, extra: [.guardianIsSuspectedExploiter])

        let decision = library.engine.nextStep(
            in: category, of: jurisdiction, facts: facts, progress: category.progress(before: informStep))
        #expect(decision.kind == .step)
        #expect(decision.step?.number == informStep.number + 1)
        #expect(decision.skipped.map(\.number) == [informStep.number])
        #expect(decision.skipped.first?.reason.contains("suspected exploiter") == true)
    }

    @Test(arguments: all)
    func aStudentWhoDeclinesParentContactSkipsThatStep(_ id: String) throws {
        let library = try Fixtures.library()
        let jurisdiction = try #require(library.jurisdiction(id))
        let category = try #require(
            jurisdiction.categories.first { $0.steps.contains { $0.actions.contains("inform-parent-or-guardian") } })
        let informStep = try category.firstStep(asking: "inform-parent-or-guardian")
        let facts = Self.facts(for: category, extra: [.studentDeclinesParentContact])

        let decision = library.engine.nextStep(
            in: category, of: jurisdiction, facts: facts, progress: category.progress(before: informStep))
        #expect(decision.skipped.map(\.number) == [informStep.number])
        #expect(decision.skipped.first?.reason.contains("declines") == true)
    }

    // MARK: San Diego's evidence condition (its three states: CountyDefinitionTests)

    @Test func sanDiegoConfirmedVictimEntersTheDatabaseWithoutTheEvidenceCondition() throws {
        let library = try Fixtures.library()
        let sanDiego = try #require(library.jurisdiction("san-diego"))
        let category = try #require(sanDiego.category("confirmed-victim"))
        let databaseStep = try category.firstStep(asking: "enter-human-trafficking-database")
        let decision = library.engine.nextStep(
            in: category, of: sanDiego, facts: Facts(flags: [.exploitationConfirmed]),
            progress: category.progress(before: databaseStep))
        #expect(decision.step?.number == databaseStep.number)
    }

    // MARK: Emergencies

    @Test(arguments: all)
    func immediateDangerComesBeforeAnyStep(_ id: String) throws {
        let library = try Fixtures.library()
        let jurisdiction = try #require(library.jurisdiction(id))
        for category in jurisdiction.categories {
            let facts = Self.facts(for: category, extra: [.imminentDanger])
            let first = library.engine.nextStep(
                in: category, of: jurisdiction, facts: facts, progress: CaseProgress(completedSteps: [1]))
            #expect(first.kind == .emergency)
            #expect(first.actions == ["call-911"])
            #expect(
                first.reasons.contains {
                    $0.contains(jurisdiction.emergency.printed ? "The protocol prints" : "prints no emergency")
                })

            let handled = CaseProgress(completedSteps: [1], emergencyHandled: true)
            let after = library.engine.nextStep(in: category, of: jurisdiction, facts: facts, progress: handled)
            #expect(after.kind == .step)
            #expect(after.step?.number == 2)
        }
    }

    @Test func onlyMarinPrintsItsEmergencyRule() throws {
        let library = try Fixtures.library()
        let printed = library.protocols.filter(\.emergency.printed).map(\.id)
        #expect(printed == ["marin"])
        #expect(try #require(library.jurisdiction("marin")).emergency.wording == "FOR EMERGENCIES CALL 911 IMMEDIATELY")
    }

    // MARK: Conditions read from the facts

    @Test func atRiskReportConditionFailsWithoutAtRiskFacts() throws {
        let library = try Fixtures.library()
        let orange = try #require(library.jurisdiction("orange-county"))
        let category = try #require(orange.category("at-risk"))
        let decision = library.engine.nextStep(in: category, of: orange, facts: Facts())
        #expect(decision.skipped.map(\.number) == [1])
        #expect(decision.step?.number == 2)
    }

    @Test func childAbuseConditionHoldsForASuspectedVictim() throws {
        let library = try Fixtures.library()
        let sanMateo = try #require(library.jurisdiction("san-mateo"))
        let check = library.engine.check(.childAbuseOrNeglectSuspected, facts: Facts(indicators: ["sextortion"]), under: sanMateo)
        #expect(check.holds)
        #expect(!library.engine.check(.childAbuseOrNeglectSuspected, facts: Facts(), under: sanMateo).holds)
    }

    @Test func answerKeyCombinesCategoryAndNextStep() throws {
        let library = try Fixtures.library()
        let sanMateo = try #require(library.jurisdiction("san-mateo"))
        let key = library.engine.answerKey(for: Facts(flags: [.studentRecruitingOthers]), under: sanMateo)
        #expect(key.classification.category == "suspected-recruitment")
        #expect(key.nextStep?.step?.actions == ["involve-law-enforcement"])
        let none = library.engine.answerKey(for: Facts(indicators: ["hotel-keys"]), under: sanMateo)
        #expect(none.classification.category == nil)
        #expect(none.nextStep == nil)
    }
}

import ContentLoading
import Foundation
import ProtocolEngine
import TestSupport
import Testing

/// Checks the transcription of each seed into its protocol file.
///
/// The table below is an independent second reading of the seeds (step count and the actions
/// of each step, in order), kept only to catch transcription mistakes in the YAML: it is a
/// proof-reading aid, never used to score anything. The answer key is the protocol files.
struct StepTranscriptionTests {
    struct Expectation: CustomTestStringConvertible, Sendable {
        var jurisdiction: String
        var category: String
        var actions: [[String]]
        var testDescription: String { "\(jurisdiction) \(category): \(actions.count) steps" }
    }

    static let expectations: [Expectation] = [
        // 000: on-site SRO flowchart. Its suspected-victim labels run 1 to 6, with a second
        // "STEP 4" for the SRO's evidence box beside the parent-contact box.
        .init(
            jurisdiction: "sro-flowchart", category: "suspected-victim",
            actions: [
                ["involve-law-enforcement"], ["submit-mandated-report"], ["assess-campus-impact"],
                ["inform-parent-or-guardian"], ["enter-human-trafficking-database"], ["refer-to-counseling-or-services"],
                ["set-up-regular-contact"],
            ]),
        .init(
            jurisdiction: "sro-flowchart", category: "confirmed-victim",
            actions: [
                ["involve-law-enforcement"], ["submit-mandated-report"], ["assess-campus-impact"],
                ["law-enforcement-investigation"], ["inform-parent-or-guardian"], ["evaluate-school-placement"],
                ["refer-to-counseling-or-services", "set-up-regular-contact"],
            ]),
        .init(
            jurisdiction: "sro-flowchart", category: "suspected-recruitment",
            actions: [
                ["involve-law-enforcement"], ["assess-campus-impact"], ["school-consequence", "law-enforcement-investigation"],
            ]),
        // 001: San Mateo
        .init(
            jurisdiction: "san-mateo", category: "at-risk",
            actions: [
                ["submit-mandated-report"], ["meet-with-student"], ["co-create-action-plan"], ["set-up-regular-contact"],
            ]),
        .init(
            jurisdiction: "san-mateo", category: "suspected-victim",
            actions: [
                ["involve-law-enforcement"], ["submit-mandated-report"], ["assess-campus-impact"], ["contact-victim-advocate"],
                ["inform-parent-or-guardian"], ["refer-to-counseling-or-services"], ["set-up-regular-contact"],
            ]),
        .init(
            jurisdiction: "san-mateo", category: "confirmed-victim",
            actions: [
                ["involve-law-enforcement"], ["submit-mandated-report"], ["assess-campus-impact"], ["contact-victim-advocate"],
                ["inform-parent-or-guardian"], ["refer-to-counseling-or-services"], ["evaluate-school-placement"],
                ["set-up-regular-contact"],
            ]),
        .init(
            jurisdiction: "san-mateo", category: "suspected-recruitment",
            actions: [
                ["involve-law-enforcement"], ["assess-campus-impact"],
            ]),
        // 002: San Diego
        .init(
            jurisdiction: "san-diego", category: "suspected-recruitment",
            actions: [
                ["involve-law-enforcement"], ["assess-campus-impact"], ["school-consequence", "law-enforcement-investigation"],
            ]),
        .init(
            jurisdiction: "san-diego", category: "suspected-victim",
            actions: [
                ["involve-law-enforcement"], ["submit-mandated-report"], ["assess-campus-impact"],
                ["enter-human-trafficking-database"], ["inform-parent-or-guardian"], ["refer-to-counseling-or-services"],
                ["set-up-regular-contact"],
            ]),
        .init(
            jurisdiction: "san-diego", category: "confirmed-victim",
            actions: [
                ["involve-law-enforcement"], ["submit-mandated-report"], ["assess-campus-impact"],
                ["law-enforcement-investigation"], ["enter-human-trafficking-database"], ["inform-parent-or-guardian"],
                ["evaluate-school-placement"], ["refer-to-counseling-or-services"],
            ]),
        // 003: Marin
        .init(
            jurisdiction: "marin", category: "at-risk",
            actions: [
                ["meet-with-student", "co-create-action-plan", "contact-child-welfare"], ["set-up-regular-contact"],
                ["submit-mandated-report"],
            ]),
        .init(
            jurisdiction: "marin", category: "suspected-recruitment",
            actions: [
                ["involve-law-enforcement", "contact-child-welfare"], ["assess-campus-impact"],
                ["school-consequence", "law-enforcement-investigation"],
            ]),
        .init(
            jurisdiction: "marin", category: "suspected-victim",
            actions: [
                ["involve-law-enforcement", "contact-child-welfare"], ["submit-mandated-report"], ["assess-campus-impact"],
                ["inform-parent-or-guardian"], ["refer-to-counseling-or-services"], ["set-up-regular-contact"],
            ]),
        .init(
            jurisdiction: "marin", category: "confirmed-victim",
            actions: [
                ["involve-law-enforcement"], ["submit-mandated-report"], ["assess-campus-impact"],
                ["law-enforcement-investigation"], ["inform-parent-or-guardian"], ["evaluate-school-placement"],
                ["refer-to-counseling-or-services"], ["set-up-regular-contact"],
            ]),
        // 004: Orange County
        .init(
            jurisdiction: "orange-county", category: "at-risk",
            actions: [
                ["submit-mandated-report"], ["meet-with-student", "co-create-action-plan", "link-to-resources"],
                ["set-up-regular-contact"],
            ]),
        .init(
            jurisdiction: "orange-county", category: "suspected-recruitment-or-victimization",
            actions: [
                ["submit-mandated-report"], ["involve-law-enforcement"], ["assess-campus-impact"],
                ["inform-parent-or-guardian"], ["refer-to-counseling-or-services"], ["set-up-regular-contact"],
            ]),
    ]

    @Test(arguments: expectations)
    func stepsMatchTheSeed(_ expected: Expectation) throws {
        let category = try #require(try Fixtures.jurisdiction(expected.jurisdiction).category(CategoryID(expected.category)))
        #expect(category.steps.map(\.number) == Array(1...expected.actions.count))
        #expect(category.steps.map { $0.actions.map(\.rawValue) } == expected.actions)
    }

    @Test func everyCategoryIsInTheTable() throws {
        let library = try Fixtures.library()
        let listed = Set(Self.expectations.map { "\($0.jurisdiction)/\($0.category)" })
        let loaded = Set(
            library.protocols.flatMap { jurisdiction in jurisdiction.categories.map { "\(jurisdiction.id)/\($0.id)" } })
        #expect(listed == loaded)
    }

    @Test func categorySetsDifferAsTheSeedsDo() throws {
        let library = try Fixtures.library()
        func situations(_ id: String) throws -> Set<Situation> {
            Set(try #require(library.jurisdiction(id)).categories.flatMap(\.covers))
        }
        // Orange County: one merged category, no confirmed-victim category of its own.
        let orange = try #require(library.jurisdiction("orange-county"))
        #expect(orange.categories.count == 2)
        #expect(orange.category(covering: .confirmedVictim)?.id == orange.category(covering: .suspectedRecruitment)?.id)
        // San Diego and the SRO flowchart have no at-risk track.
        #expect(try !situations("san-diego").contains(.atRisk))
        #expect(try !situations("sro-flowchart").contains(.atRisk))
        #expect(try situations("san-mateo") == Set(Situation.allCases))
        #expect(try situations("marin") == Set(Situation.allCases))
    }
}

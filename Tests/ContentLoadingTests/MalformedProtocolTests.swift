import ContentLoading
import Foundation
import ProtocolEngine
import TestSupport
import Testing

/// Each case breaks the invented county in one way; the error must name the file, the line and
/// column of the fault, and what is wrong.
struct MalformedProtocolTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var replace: String
        var with: String
        /// The 1-based line of the fault in the broken text.
        var line: Int
        var column: Int?
        var problem: @Sendable (ContentProblem) -> Bool
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "YAML syntax error", replace: "    name: At risk\n", with: "    name: [At risk\n", line: 20,
            problem: { if case .yamlSyntax = $0 { true } else { false } }),
        Case(
            name: "unknown action", replace: "actions: [meet-with-student]", with: "actions: [meet-with-studnet]", line: 35,
            column: 19,
            problem: { $0 == .unknownAction("meet-with-studnet", suggestion: "meet-with-student") }),
        Case(
            name: "unknown indicator", replace: "indicators: [runaway-history]", with: "indicators: [runaway]", line: 29,
            column: 26,
            problem: { if case .unknownIndicator("runaway", _) = $0 { true } else { false } }),
        Case(
            name: "duplicate step number", replace: "      - number: 2\n        wording: Report",
            with: "      - number: 1\n        wording: Report",
            line: 36, column: 17,
            problem: { $0 == .stepNumberOutOfOrder(expected: 2, found: 1) }),
        Case(
            name: "out-of-order step numbers", replace: "      - number: 1\n        wording: Meet",
            with: "      - number: 2\n        wording: Meet",
            line: 33, column: 17,
            problem: { $0 == .stepNumberOutOfOrder(expected: 1, found: 2) }),
        Case(
            name: "criteria without a threshold", replace: "        threshold: 2\n", with: "", line: 22, column: 9,
            problem: { $0 == .missingKey("threshold", in: "`categories[0].criteria[0]`") }),
        Case(
            name: "threshold above the number of factors", replace: "threshold: 2", with: "threshold: 4", line: 24, column: 20,
            problem: { $0 == .invalidThreshold(group: "any-two", threshold: 4, factorCount: 3) }),
        Case(
            name: "misspelt key", replace: "        contacts: [lakeview-hotline]", with: "        contact: [lakeview-hotline]",
            line: 39, column: 9,
            problem: { if case .unknownKey("contact", _) = $0 { true } else { false } }),
        Case(
            name: "unknown contact", replace: "contacts: [lakeview-hotline]", with: "contacts: [lakeview-police]", line: 39,
            column: 20,
            problem: { $0 == .unknownContact("lakeview-police", known: ["lakeview-hotline"]) }),
        Case(
            name: "unknown situation", replace: "covers: [at-risk]", with: "covers: [at-risky]", line: 20, column: 14,
            problem: { if case .invalidValue("covers", "at-risky", _) = $0 { true } else { false } }),
        Case(
            name: "unknown condition", replace: "when: parent-contact-appropriate", with: "when: if-appropriate", line: 50,
            column: 15,
            problem: { if case .invalidValue("when", "if-appropriate", _) = $0 { true } else { false } }),
        Case(
            name: "wrong type", replace: "threshold: 2", with: "threshold: two", line: 24, column: 20,
            problem: { $0 == .wrongType(key: "threshold", expected: "a whole number") }),
        Case(
            name: "newer format", replace: "format: 1", with: "format: 2", line: 1, column: 9,
            problem: { $0 == .unsupportedFormat(found: "2", supported: [1]) }),
        Case(
            name: "duplicate category id", replace: "  - id: any-exploitation", with: "  - id: at-risk", line: 40, column: 9,
            problem: { $0 == .duplicateID(kind: "category", id: "at-risk") }),
        Case(
            name: "criteria on a category that does not cover at-risk",
            replace: "    covers: [confirmed-victim, suspected-victim, suspected-recruitment]",
            with:
                "    covers: [confirmed-victim, suspected-victim, suspected-recruitment]\n    criteria: [{id: x, title: X, threshold: 1, factors: [{wording: W, indicators: [hotel-keys]}]}]",
            line: 40, column: 9,
            problem: { $0 == .criteriaMismatch(category: "any-exploitation", coversAtRisk: false) }),
    ]

    @Test(arguments: cases)
    func reportsFileLineAndProblem(_ testCase: Case) throws {
        let vocabulary = try Fixtures.content.loadVocabulary()
        #expect(InventedCounty.yaml.contains(testCase.replace), "the fixture changed; update this case")
        let broken = InventedCounty.yaml.replacingOccurrences(of: testCase.replace, with: testCase.with)

        let error = #expect(throws: ContentError.self) {
            try ContentParser.jurisdictionProtocol(fromYAML: broken, fileName: "lakeview.yaml", vocabulary: vocabulary)
        }
        let first = try #require(error?.all.first)
        guard case .invalid(let file, let location, let problem) = first else {
            Issue.record("expected an invalid-file error, got \(first)")
            return
        }
        #expect(file == "lakeview.yaml")
        #expect(location?.line == testCase.line, "\(first)")
        if let column = testCase.column { #expect(location?.column == column, "\(first)") }
        #expect(testCase.problem(problem), "\(problem)")
        #expect(first.description.hasPrefix("lakeview.yaml:\(testCase.line):"))
    }

    @Test func reportsEveryProblemInAFileAtOnce() throws {
        let vocabulary = try Fixtures.content.loadVocabulary()
        let broken = InventedCounty.yaml
            .replacingOccurrences(of: "actions: [meet-with-student]", with: "actions: [hug]")
            .replacingOccurrences(of: "indicators: [runaway-history]", with: "indicators: [ran]")
        let error = #expect(throws: ContentError.self) {
            try ContentParser.jurisdictionProtocol(fromYAML: broken, fileName: "lakeview.yaml", vocabulary: vocabulary)
        }
        #expect(error?.all.count == 2)
    }

    @Test func messagesSayHowToFix() {
        let message = ContentError.invalid(
            file: "x.yaml", at: SourceLocation(line: 3, column: 4), problem: .unknownAction("hug", suggestion: nil)
        ).description
        #expect(
            message
                == "x.yaml:3:4: error: Unknown action 'hug'. Actions come from Scoring/vocabulary.yaml; use one listed there or add it there."
        )
    }
}

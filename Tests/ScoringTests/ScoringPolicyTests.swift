import ProtocolEngine
import ScenarioEngine
import Scoring
import TestSupport
import Testing

struct ScoringPolicyTests {
    static let policy = ScoringPolicy(
        id: "test", version: 3, points: [.category: 1, .nextStep: 2], passMark: 0.8, criticalMistakesFail: true)

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        /// The option chosen for each of five category and five next-step questions.
        var category: [OptionID]
        var nextStep: [OptionID]
        var points: Int
        var passed: Bool
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "all right", category: .init(repeating: "right", count: 5), nextStep: .init(repeating: "right", count: 5),
            points: 15, passed: true),
        Case(
            name: "exactly the pass mark", category: ["wrong", "wrong", "wrong", "right", "right"],
            nextStep: .init(repeating: "right", count: 5), points: 12, passed: true),
        Case(
            name: "just below", category: ["wrong", "wrong", "wrong", "wrong", "right"],
            nextStep: .init(repeating: "right", count: 5), points: 11, passed: false),
        Case(
            name: "a non-critical mistake", category: .init(repeating: "right", count: 5),
            nextStep: ["minor", "right", "right", "right", "right"], points: 13, passed: true),
        Case(
            name: "a critical mistake fails a high score", category: .init(repeating: "right", count: 5),
            nextStep: ["critical", "right", "right", "right", "right"], points: 13, passed: false),
        Case(
            name: "all wrong", category: .init(repeating: "wrong", count: 5), nextStep: .init(repeating: "wrong", count: 5),
            points: 0, passed: false),
    ]

    @Test(arguments: cases)
    func scores(_ testCase: Case) {
        let answers =
            testCase.category.enumerated().map {
                AnsweredQuestion(question: SampleQuestions.question($0.offset, kind: .category), chosen: $0.element)
            }
            + testCase.nextStep.enumerated().map {
                AnsweredQuestion(question: SampleQuestions.question($0.offset, kind: .nextStep), chosen: $0.element)
            }
        let report = Self.policy.score(answers)
        #expect(report.points == testCase.points)
        #expect(report.possible == 15)
        #expect(report.passed == testCase.passed)
        #expect(report.byKind.map(\.kind) == [.category, .nextStep])
        #expect(report.policyID == "test" && report.policyVersion == 3)
    }

    @Test func theReasonNamesTheCriticalMistake() {
        let answers = [AnsweredQuestion(question: SampleQuestions.question(0, kind: .nextStep), chosen: "critical")]
        let report = Self.policy.score(answers)
        #expect(!report.passed)
        #expect(report.reasons.contains { $0.contains("Question 1: “Critical” is a critical mistake. You must report.") })
    }

    @Test func withoutTheCriticalRuleOnlyTheScoreCounts() {
        var lenient = Self.policy
        lenient.criticalMistakesFail = false
        let answers =
            (0..<4).map { AnsweredQuestion(question: SampleQuestions.question($0, kind: .nextStep), chosen: "right") }
            + [AnsweredQuestion(question: SampleQuestions.question(4, kind: .nextStep), chosen: "critical")]
        #expect(lenient.score(answers).passed)
        #expect(!Self.policy.score(answers).passed)
    }

    @Test func noAnswersDoNotPass() {
        #expect(!Self.policy.score([]).passed)
    }
}

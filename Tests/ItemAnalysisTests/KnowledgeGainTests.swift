import Foundation
import Records
import ScenarioEngine
import Testing

@testable import ItemAnalysis

/// The knowledge gain between pre-tests and the training after them: which attempts pair, and
/// the figures per group, on hand-computed examples.
@Suite struct KnowledgeGainTests {
    static func time(_ minutes: Int) -> Timestamp {
        Timestamp(Date(timeIntervalSince1970: 1_790_000_000 + Double(minutes) * 60), utcOffsetSeconds: 0)
    }

    /// An attempt scoring `points` of 10 on one question.
    static func attempt(
        _ id: String, person: String = "ana", jurisdiction: String = "marin", school: String? = "Redwood High",
        role: String? = "teacher", _ purpose: AttemptPurpose, at minutes: Int, points: Int
    ) -> KnowledgeGain.Attempt {
        KnowledgeGain.Attempt(
            id: id, person: PersonKey(Trainee(name: person)), jurisdiction: jurisdiction, district: "Tamalpais Union",
            school: school, role: role, purpose: purpose, completedAt: time(minutes),
            answers: [
                AnswerSheet.Answer(
                    vignette: "v", stage: 1, kind: "next-step", chosenOption: "x", correctOption: "x", points: points,
                    possiblePoints: 10)
            ])
    }

    static func pairedIDs(_ attempts: [KnowledgeGain.Attempt]) -> [[String]] {
        KnowledgeGain.pairs(of: attempts).map { [$0.pre.id, $0.post.id] }
    }

    @Test func theLatestPreTestBeforeATrainingAttemptIsPairedWithIt() {
        let attempts = [
            Self.attempt("t1", .training, at: 30, points: 8), Self.attempt("p1", .preTest, at: 0, points: 2),
            Self.attempt("p2", .preTest, at: 10, points: 3), Self.attempt("r1", .refresher, at: 20, points: 9),
            Self.attempt("t2", .training, at: 40, points: 9),
        ]
        #expect(Self.pairedIDs(attempts) == [["p2", "t1"]])
    }

    /// Records keep whole seconds: a training finished in the pre-test's second still follows it,
    /// whatever the ids' order.
    @Test(arguments: [("a-pre", "b-training"), ("b-pre", "a-training")])
    func aPreTestComesFirstWithinTheSameSecond(pre: String, training: String) {
        let attempts = [
            Self.attempt(training, .training, at: 5, points: 8), Self.attempt(pre, .preTest, at: 5, points: 2),
        ]
        #expect(Self.pairedIDs(attempts) == [[pre, training]])
    }

    @Test func eachCycleOfPreTestAndTrainingIsAPairAndALonePreTestIsNot() {
        let attempts = [
            Self.attempt("p1", .preTest, at: 0, points: 2), Self.attempt("t1", .training, at: 10, points: 8),
            Self.attempt("p2", .preTest, at: 500, points: 6), Self.attempt("t2", .training, at: 510, points: 9),
            Self.attempt("p3", .preTest, at: 900, points: 5),
        ]
        #expect(Self.pairedIDs(attempts) == [["p1", "t1"], ["p2", "t2"]])
        let gain = KnowledgeGain(content: [:]).report(of: attempts).jurisdictions
        #expect(gain.map(\.preTests) == [3])
        #expect(gain.map(\.pairs) == [2])
    }

    @Test func onlyTheSamePersonInTheSameJurisdictionPairs() {
        let attempts = [
            Self.attempt("p1", person: "Ana  Ruiz", .preTest, at: 0, points: 2),
            Self.attempt("t1", person: "ana ruiz", .training, at: 10, points: 8),
            Self.attempt("p2", person: "Ben", .preTest, at: 0, points: 2),
            Self.attempt("t2", person: "Cleo", .training, at: 10, points: 8),
            Self.attempt("p3", person: "Dee", .preTest, at: 0, points: 2),
            Self.attempt("t3", person: "Dee", jurisdiction: "alameda", .training, at: 10, points: 8),
        ]
        let report = KnowledgeGain(content: [:]).report(of: attempts)
        #expect(report.jurisdictions.map(\.jurisdiction) == ["marin"])
        #expect(report.jurisdictions.first?.pairs == 1)
        #expect(Self.pairedIDs(attempts.filter { $0.jurisdiction == "marin" }) == [["p1", "t1"]])
    }

    /// Pre 40, 50, 60 and post 70, 60, 90: differences 30, 10, 30, mean 23.33, standard
    /// deviation √(400/3), standard error √(400/9) = 6.667, t(0.975, 2) = 4.3027: the interval
    /// is 23.33 ± 28.68; the normalised gain (73.33 − 50) / (100 − 50) = 0.4667.
    @Test func aHandComputedExample() throws {
        let attempts = [
            Self.attempt("p1", person: "a", .preTest, at: 0, points: 4),
            Self.attempt("t1", person: "a", .training, at: 1, points: 7),
            Self.attempt("p2", person: "b", .preTest, at: 0, points: 5),
            Self.attempt("t2", person: "b", .training, at: 1, points: 6),
            Self.attempt("p3", person: "c", .preTest, at: 0, points: 6),
            Self.attempt("t3", person: "c", .training, at: 1, points: 9),
        ]
        let overall = try #require(KnowledgeGain(content: [:]).report(of: attempts).jurisdictions.first?.overall)
        #expect(overall.pairs == 3)
        #expect(abs(overall.meanPre - 50) < 1e-9)
        #expect(abs(overall.meanPost - 220.0 / 3) < 1e-9)
        #expect(abs(overall.meanDifference - 70.0 / 3) < 1e-9)
        let margin = 4.302652729749464 * (400.0 / 9).squareRoot()
        let interval = try #require(overall.confidenceInterval)
        #expect(abs(interval.lower - (70.0 / 3 - margin)) < 1e-6)
        #expect(abs(interval.upper - (70.0 / 3 + margin)) < 1e-6)
        #expect(abs((overall.normalisedGain ?? 0) - 7.0 / 15) < 1e-9)
    }

    @Test func onePairHasNoIntervalAndAPerfectPreTestNoNormalisedGain() throws {
        let attempts = [Self.attempt("p", .preTest, at: 0, points: 10), Self.attempt("t", .training, at: 1, points: 9)]
        let overall = try #require(KnowledgeGain(content: [:]).report(of: attempts).jurisdictions.first?.overall)
        #expect(overall.pairs == 1)
        #expect(overall.confidenceInterval == nil)
        #expect(overall.normalisedGain == nil)
        #expect(abs(overall.meanDifference - -10) < 1e-9)
    }

    /// Random pairs: the interval always contains the mean difference, and the same pairs taken
    /// twice give a narrower one.
    @Test(arguments: 1...20)
    func theIntervalContainsTheMeanAndShrinksWithMorePairs(seed: Int) throws {
        var generator = SystemRandomNumberGenerator()
        let count = 2 + seed % 7
        let scores = (0..<count).map { _ in (Int.random(in: 0...10, using: &generator), Int.random(in: 0...10, using: &generator))
        }
        func attempts(_ copies: Int) -> [KnowledgeGain.Attempt] {
            (0..<copies).flatMap { copy in
                scores.enumerated().flatMap { index, score in
                    [
                        Self.attempt("p\(copy)-\(index)", person: "\(copy)-\(index)", .preTest, at: 0, points: score.0),
                        Self.attempt("t\(copy)-\(index)", person: "\(copy)-\(index)", .training, at: 1, points: score.1),
                    ]
                }
            }
        }
        let once = try #require(KnowledgeGain(content: [:]).report(of: attempts(1)).jurisdictions.first?.overall)
        let twice = try #require(KnowledgeGain(content: [:]).report(of: attempts(2)).jurisdictions.first?.overall)
        let (first, second) = (try #require(once.confidenceInterval), try #require(twice.confidenceInterval))
        #expect(first.lower <= once.meanDifference && once.meanDifference <= first.upper)
        #expect(abs(once.meanDifference - twice.meanDifference) < 1e-9)
        let differences = Set(scores.map { $0.1 - $0.0 })
        if differences.count > 1 {
            #expect(second.upper - second.lower < first.upper - first.lower)
        } else {
            #expect(abs(first.upper - first.lower) < 1e-9)
        }
    }
}

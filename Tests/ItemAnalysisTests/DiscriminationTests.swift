import Foundation
import ItemAnalysis
import Records
import ScenarioEngine
import Testing

/// The corrected item–rest point-biserial correlation.
@Suite struct DiscriminationTests {
    /// Four attempts at three one-point items (1 right, 0 wrong).
    static let attempts = [[1, 1, 1], [1, 1, 0], [0, 0, 1], [0, 1, 0]]

    static func sheets(_ attempts: [[Int]], scored: Bool = true, offset: Int = 0) -> [AnswerSheet] {
        attempts.enumerated().map { number, marks in
            AnswerSheet(
                id: "attempt-\(number + offset)", person: PersonKey(value: "id:\(number + offset)"), jurisdiction: "marin",
                district: nil, school: nil, role: nil, purpose: .training,
                completedAt: Timestamp(Date(timeIntervalSince1970: 1_790_000_000), utcOffsetSeconds: 0),
                isIndividuallyScored: scored,
                answers: marks.enumerated().map { item, mark in
                    AnswerSheet.Answer(
                        vignette: "item-\(item + 1)", stage: 1, kind: "category", chosenOption: mark == 1 ? "right" : "wrong",
                        correctOption: "right", points: mark, possiblePoints: 1)
                })
        }
    }

    static func discrimination(_ sheets: [AnswerSheet]) -> [String: Double?] {
        let analysis = ItemAnalysis(content: [:]).analysis(of: "marin", sheets: sheets)
        return Dictionary(uniqueKeysWithValues: analysis.items.map { ($0.item.vignette, $0.discrimination) })
    }

    /// By hand: item 1 is (1, 1, 0, 0) against the rest (1, ½, ½, ½): r = 0.25 / √(1 × 0.1875) = 1/√3.
    /// Item 2 is (1, 1, 0, 1) against (1, ½, ½, 0): the deviations' products sum to 0.
    /// Item 3 is (1, 0, 1, 0) against (1, 1, 0, ½): r = −0.25 / √(1 × 0.6875) = −1/√11.
    @Test func aSmallCaseComputedByHand() throws {
        let found = Self.discrimination(Self.sheets(Self.attempts))
        #expect(abs(try #require(found["item-1"] ?? nil) - 1 / 3.0.squareRoot()) < 1e-12)
        #expect(abs(try #require(found["item-2"] ?? nil)) < 1e-12)
        #expect(abs(try #require(found["item-3"] ?? nil) + 1 / 11.0.squareRoot()) < 1e-12)
    }

    @Test func anItemEveryoneGotRightOrWrongHasNoDiscrimination() {
        let allRight = Self.attempts.map { $0 + [1] }
        let allWrong = Self.attempts.map { $0 + [0] }
        #expect(Self.discrimination(Self.sheets(allRight))["item-4"] == .some(nil))
        #expect(Self.discrimination(Self.sheets(allWrong))["item-4"] == .some(nil))
        // One attempt is not enough to correlate.
        #expect(Self.discrimination(Self.sheets([[1, 0, 1]]))["item-1"] == .some(nil))
    }

    @Test func groupAttendanceCountsInFacilityButNotInDiscrimination() {
        let scored = Self.sheets(Self.attempts)
        let room = Self.sheets([[0, 0, 0], [0, 0, 0]], scored: false, offset: 10)
        let alone = ItemAnalysis(content: [:]).analysis(of: "marin", sheets: scored)
        let together = ItemAnalysis(content: [:]).analysis(of: "marin", sheets: scored + room)
        #expect(together.items.map(\.discrimination) == alone.items.map(\.discrimination))
        #expect(together.items.map(\.discriminationAttempts) == [4, 4, 4])
        #expect(together.items.map(\.answered) == [6, 6, 6])
        #expect(together.items.map(\.facility) == alone.items.map { Double($0.correct) / 6 })
        #expect(together.groupAttendanceRecords == 2 && together.records == 6)
    }

    /// Random attempts: every discrimination is undefined or within [-1, 1], and an item that
    /// is right exactly when the rest is mostly right discriminates positively.
    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func valuesStayWithinMinusOneAndOne(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        let attempts = (0..<60).map { _ in (0..<8).map { _ in Int.random(in: 0...1, using: &generator) } }
        // Item 9: right when at least half of the first eight are.
        let withEcho = attempts.map { $0 + [$0.reduce(0, +) >= 4 ? 1 : 0] }
        let analysis = ItemAnalysis(content: [:]).analysis(of: "marin", sheets: Self.sheets(withEcho))
        for item in analysis.items {
            if let value = item.discrimination { #expect((-1...1).contains(value)) }
        }
        let echo = analysis.items.first { $0.item.vignette == "item-9" }?.discrimination ?? nil
        #expect((echo ?? 0) > 0.3)
        for group in analysis.byKind + analysis.byStage {
            if let value = group.discrimination { #expect((-1...1).contains(value)) }
        }
    }

    /// A set of items taken together against the rest: by kind, the category items against the
    /// next-step items (1 and 2 category, 3 next-step in this case).
    @Test func aKindTakenTogetherCorrelatesWithTheRest() throws {
        var sheets = Self.sheets(Self.attempts)
        for index in sheets.indices { sheets[index].answers[2].kind = "next-step" }
        let analysis = ItemAnalysis(content: [:]).analysis(of: "marin", sheets: sheets)
        // Category share (1, 1, 0, ½) against item 3 (1, 0, 1, 0): the deviations' products
        // sum to 0.1875 − 0.1875 − 0.3125 + 0.0625 = −0.25; r = −0.25 / √(0.6875 × 1) = −1/√11.
        let category = try #require(analysis.byKind.first { $0.group == "category" })
        #expect(abs(try #require(category.discrimination) + 1 / 11.0.squareRoot()) < 1e-12)
        #expect(category.items == 2 && category.answered == 8 && category.correct == 5)
    }

    /// Many sheets are counted in parallel chunks: the figures do not depend on the sheets'
    /// order, and equal the hand count.
    @Test func manySheetsGiveTheSameFiguresInAnyOrder() {
        var generator = SplitMix64(seed: 9)
        let attempts = (0..<9_000).map { _ in (0..<6).map { _ in Int.random(in: 0...1, using: &generator) } }
        let sheets = Self.sheets(attempts)
        let analysis = ItemAnalysis(content: [:])
        let inOrder = analysis.report(of: sheets)
        #expect(analysis.report(of: sheets.shuffled(using: &generator)) == inOrder)
        let items = inOrder.jurisdictions.first?.items ?? []
        #expect(items.map(\.answered) == Array(repeating: 9_000, count: 6))
        #expect(items.map(\.correct) == (0..<6).map { item in attempts.filter { $0[item] == 1 }.count })
    }
}

import ScenarioEngine
import Testing

@testable import ItemAnalysis

/// The correlation's pairs are counted exactly however they arrive: one at a time (kept packed
/// and counted in sorted batches), several at once, or merged from other counts.
@Suite struct CorrelationCountingTests {
    /// A random pair as an answer gives it, now and then one too large to pack.
    static func pair(using generator: inout SplitMix64) -> DiscriminationPair {
        let possible = Int.random(in: 1...40, using: &generator)
        let large = Int.random(in: 0..<50, using: &generator) == 0 ? 70_000 : 0
        return DiscriminationPair(
            correct: Int.random(in: 0...1, using: &generator), asked: 1,
            restPoints: Int.random(in: 0...possible, using: &generator) + large, restPossible: possible + large)
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func pairsCountedInBatchesAreThoseAddedOneByOne(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        var expected: [DiscriminationPair: Int] = [:]
        var (whole, parts) = (Correlation(), [Correlation(), Correlation()])
        // More than two batches, so that counting happens on the way and at the end.
        for number in 0..<(Correlation.batch * 2 + 917) {
            let pair = Self.pair(using: &generator)
            let times = number % 97 == 0 ? 3 : 1
            expected[pair, default: 0] += times
            whole.add(pair, times: times)
            parts[number % 2].add(pair, times: times)
        }
        var merged = parts[0]
        merged.merge(parts[1])
        #expect(whole.pairs == expected)
        #expect(whole.count == expected.values.reduce(0, +))
        #expect(merged == whole)
        #expect(merged.value == whole.value)
    }

    @Test(arguments: [7, 8, 9] as [UInt64])
    func aPackedPairSortsAsThePairAndUnpacksToIt(seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        let pairs = (0..<500).map { _ in Self.pair(using: &generator) }.filter { $0.packed != nil }
        for pair in pairs { #expect(DiscriminationPair(unpacking: try #require(pair.packed)) == pair) }
        #expect(pairs.sorted().map(\.packed) == pairs.compactMap(\.packed).sorted())
        #expect(DiscriminationPair(correct: 0, asked: 1, restPoints: 1 << 16, restPossible: 1 << 16).packed == nil)
        #expect(DiscriminationPair(correct: -1, asked: 1, restPoints: 0, restPossible: 1).packed == nil)
    }
}

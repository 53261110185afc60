import ContentLoading
import ProtocolEngine
import ScenarioEngine
import TestSupport
import Testing
import Training

/// How an attempt draws its vignettes: unseen first, those to practise first within each group,
/// the seeded order kept within a group; and a plan rebuilt from the vignettes it drew asks the
/// same questions.
struct VignetteDrawTests {
    let content: TrainingContent
    let marin: JurisdictionProtocol

    init() throws {
        content = try Fixtures.trainingContent()
        marin = try #require(content.library.jurisdiction("marin"))
    }

    func plan(seed: UInt64, length: SessionLength, draw: VignetteDraw) -> TrainingPlan {
        TrainingPlan(
            bank: content.vignettes, jurisdiction: marin, length: length, seed: seed, builder: content.questionBuilder,
            draw: draw)
    }

    /// A random draw over the bank: some vignettes seen, some to practise.
    func randomDraw(using generator: inout SplitMix64) -> VignetteDraw {
        let ids = content.vignettes.map(\.id)
        return VignetteDraw(
            seen: Set(ids.filter { _ in Bool.random(using: &generator) }),
            practise: Set(ids.filter { _ in UInt64.random(in: 0..<4, using: &generator) == 0 }))
    }

    /// For random draws and seeds: the order is a rearrangement of the bank, no seen vignette comes
    /// before an unseen one, within seen and unseen those to practise come first, and within each
    /// of the four groups the seeded order is kept.
    @Test func theDrawKeepsItsRanksAndTheSeededOrderWithinThem() {
        var generator = SplitMix64(seed: 2026)
        for round in 0..<200 {
            let draw = randomDraw(using: &generator)
            var shuffler = SplitMix64(seed: UInt64(round))
            let seeded = content.vignettes.shuffled(using: &shuffler)
            let ordered = draw.ordered(seeded)
            #expect(ordered.map(\.id).sorted() == seeded.map(\.id).sorted())
            func rank(_ vignette: Vignette) -> Int {
                (draw.seen.contains(vignette.id) ? 2 : 0) + (draw.practise.contains(vignette.id) ? 0 : 1)
            }
            let ranks = ordered.map(rank)
            #expect(ranks == ranks.sorted(), "round \(round)")
            for group in 0..<4 {
                #expect(ordered.filter { rank($0) == group }.map(\.id) == seeded.filter { rank($0) == group }.map(\.id))
            }
        }
    }

    /// Without anything seen or to practise, the plan is the seeded one, whatever the length.
    @Test(arguments: [SessionLength.refresher, .course, .vignettes(2)])
    func anEmptyDrawKeepsTheSeededPlan(length: SessionLength) {
        for seed: UInt64 in [1, 7, 2026] {
            let seeded = TrainingPlan(
                bank: content.vignettes, jurisdiction: marin, length: length, seed: seed, builder: content.questionBuilder)
            #expect(plan(seed: seed, length: length, draw: .seededOrder) == seeded)
        }
    }

    /// While the bank has vignettes not seen, a plan takes only those.
    @Test func aRetakeMeetsNewVignettesWhileThereAreAny() {
        let first = plan(seed: 3, length: .course, draw: .seededOrder)
        let retake = plan(seed: 4, length: .course, draw: VignetteDraw(seen: Set(first.vignettes)))
        let unseen = content.vignettes.count - first.vignettes.count
        #expect(unseen > 0, "the bank has more vignettes than a course")
        let overlap = Set(retake.vignettes).intersection(first.vignettes).count
        #expect(overlap == max(0, retake.vignettes.count - unseen))
    }

    /// The vignettes drawn and the seed rebuild the same plan, question for question, for random
    /// draws, seeds and lengths.
    @Test func theVignettesDrawnRebuildThePlan() {
        var generator = SplitMix64(seed: 44)
        let lengths: [SessionLength] = [.refresher, .course, .vignettes(1), .vignettes(3)]
        for round in 0..<100 {
            let draw = randomDraw(using: &generator)
            let seed = UInt64.random(in: .min ... .max, using: &generator)
            let built = plan(seed: seed, length: lengths[round % lengths.count], draw: draw)
            let rebuilt = TrainingPlan(
                bank: content.vignettes, jurisdiction: marin, drawn: built.vignettes, seed: seed,
                builder: content.questionBuilder)
            #expect(rebuilt == built, "round \(round)")
        }
    }
}

import ContentLoading
import ProtocolEngine
import ScenarioEngine
import TestSupport
import Testing
import Training

@testable import Completion

/// The plans the district server takes for every request are built once per attempt and kept,
/// the one used longest ago let go first when the cache is full.
struct TrainingPlanCacheTests {
    let content: TrainingContent
    let marin: JurisdictionProtocol

    init() throws {
        content = try Fixtures.trainingContent()
        marin = try #require(content.library.jurisdiction("marin"))
    }

    func built(_ seed: UInt64) -> TrainingPlan {
        TrainingPlan(bank: content.vignettes, jurisdiction: marin, count: 2, seed: seed, builder: content.questionBuilder)
    }

    /// For random sequences of seeds, each plan handed out is the one its seed builds, a plan is
    /// built again only after it was let go, and no more than `capacity` are kept.
    @Test(arguments: [1, 3, 8])
    func keepsTheRecentlyUsedPlansAndHandsOutOnlyTheirOwn(capacity: Int) {
        var generator = SplitMix64(seed: UInt64(capacity))
        let cache = TrainingPlanCache(capacity: capacity)
        var recent: [UInt64] = []
        for _ in 0..<200 {
            let seed = UInt64.random(in: 0..<12, using: &generator)
            var builds = 0
            let plan = cache.plan(marin.id, seed: seed, vignettes: 2) {
                builds += 1
                return built(seed)
            }
            #expect(plan == built(seed))
            #expect(builds == (recent.contains(seed) ? 0 : 1), "seed \(seed) after \(recent)")
            recent.removeAll { $0 == seed }
            recent.append(seed)
            if recent.count > capacity { recent.removeFirst() }
            #expect(cache.count == recent.count)
        }
    }

    /// The same seed for another county or another length is another plan.
    @Test func aPlanIsKeptUnderItsCountyAndLength() throws {
        let sanMateo = try #require(content.library.jurisdiction("san-mateo"))
        let cache = TrainingPlanCache(capacity: 8)
        _ = cache.plan(marin.id, seed: 5, vignettes: 2) { built(5) }
        let other = cache.plan(sanMateo.id, seed: 5, vignettes: 2) {
            TrainingPlan(bank: content.vignettes, jurisdiction: sanMateo, count: 2, seed: 5, builder: content.questionBuilder)
        }
        let longer = cache.plan(marin.id, seed: 5, vignettes: 3) {
            TrainingPlan(bank: content.vignettes, jurisdiction: marin, count: 3, seed: 5, builder: content.questionBuilder)
        }
        #expect(other.jurisdiction == sanMateo.id && longer.vignettes.count == 3 && cache.count == 3)
    }
}

import ProtocolEngine
import RecordStore
import ScenarioEngine
import Training

/// The plans of attempts in progress, by county, seed and number of vignettes (or the vignettes
/// drawn, when the attempt chose them). A plan is
/// rebuilt from its seed whenever an attempt is taken, and the district server takes the
/// trainee's attempt on every request: the same seed gives the same plan, so it is built once
/// and kept. At most `capacity` plans are kept; the one used longest ago goes first.
final class TrainingPlanCache: Sendable {
    private struct Key: Hashable {
        var jurisdiction: JurisdictionID
        var seed: UInt64
        var vignettes: Int
        var drawn: [VignetteID]?
    }

    private let plans: RecentlyUsed<Key, TrainingPlan>

    init(capacity: Int) {
        plans = RecentlyUsed(capacity: capacity)
    }

    /// The plan of `vignettes` vignettes (those `drawn`, when given) for `jurisdiction` and `seed`,
    /// built by `build` the first time (outside the lock, so building one plan never holds up
    /// another trainee's request).
    func plan(
        _ jurisdiction: JurisdictionID, seed: UInt64, vignettes: Int, drawn: [VignetteID]? = nil,
        build: () -> TrainingPlan
    ) -> TrainingPlan {
        let key = Key(jurisdiction: jurisdiction, seed: seed, vignettes: vignettes, drawn: drawn)
        if let kept = plans.value(for: key) { return kept }
        let built = build()
        plans.keep(built, for: key)
        return built
    }

    /// How many plans are kept.
    var count: Int { plans.count }
}

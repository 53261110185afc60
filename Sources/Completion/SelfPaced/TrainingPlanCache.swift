import ProtocolEngine
import Synchronization
import Training

/// The plans of attempts in progress, by county, seed and number of vignettes. A plan is
/// rebuilt from its seed whenever an attempt is taken, and the district server takes the
/// trainee's attempt on every request: the same seed gives the same plan, so it is built once
/// and kept. At most `capacity` plans are kept; the one used longest ago goes first.
final class TrainingPlanCache: Sendable {
    private struct Key: Hashable {
        var jurisdiction: JurisdictionID
        var seed: UInt64
        var vignettes: Int
    }

    private struct Entry {
        var plan: TrainingPlan
        var lastUsed: UInt64
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var uses: UInt64 = 0
    }

    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
    }

    /// The plan of `vignettes` vignettes for `jurisdiction` and `seed`, built by `build` the first
    /// time (outside the lock, so building one plan never holds up another trainee's request).
    func plan(
        _ jurisdiction: JurisdictionID, seed: UInt64, vignettes: Int, build: () -> TrainingPlan
    ) -> TrainingPlan {
        let key = Key(jurisdiction: jurisdiction, seed: seed, vignettes: vignettes)
        let kept = state.withLock { state -> TrainingPlan? in
            state.uses += 1
            guard let entry = state.entries[key] else { return nil }
            state.entries[key]?.lastUsed = state.uses
            return entry.plan
        }
        if let kept { return kept }
        let built = build()
        state.withLock { state in
            if state.entries.count >= capacity, state.entries[key] == nil,
                let oldest = state.entries.min(by: { $0.value.lastUsed < $1.value.lastUsed })?.key
            {
                state.entries[oldest] = nil
            }
            state.uses += 1
            state.entries[key] = Entry(plan: built, lastUsed: state.uses)
        }
        return built
    }

    /// How many plans are kept.
    var count: Int { state.withLock { $0.entries.count } }
}

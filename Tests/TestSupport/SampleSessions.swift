import ContentLoading
import GroupSessions
import ScenarioEngine
import Training

/// Group sessions for tests: the bundled bank under Marin's protocol, from seeds.
public enum SampleSessions {
    public struct MissingJurisdiction: Error {}

    /// A session "ROOM-7" led by Dana Whitfield over `vignettes` vignettes chosen with `planSeed`;
    /// its codes come from `codeSeed`.
    public static func session(vignettes: Int, planSeed: UInt64, codeSeed: UInt64) throws -> GroupSession {
        let content = try Fixtures.trainingContent()
        guard let jurisdiction = content.library.jurisdiction("marin") else { throw MissingJurisdiction() }
        let plan = TrainingPlan(
            bank: content.vignettes, jurisdiction: jurisdiction, count: vignettes, seed: planSeed,
            builder: content.questionBuilder)
        var generator = SplitMix64(seed: codeSeed)
        return GroupSession(id: "ROOM-7", facilitator: "Dana Whitfield", plan: plan, using: &generator)
    }
}

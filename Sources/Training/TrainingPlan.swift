import ProtocolEngine
import ScenarioEngine

/// What a session asks: `count` vignettes drawn from the bank with a seeded generator, and
/// their questions under one jurisdiction. The same seed and bank give the same plan.
public struct TrainingPlan: Sendable, Equatable {
    public var jurisdiction: JurisdictionID
    public var seed: UInt64
    public var vignettes: [VignetteID]
    public var questions: [Question]

    public init(
        bank: [Vignette], jurisdiction: JurisdictionProtocol, count: Int, seed: UInt64, builder: QuestionBuilder
    ) {
        var generator = SplitMix64(seed: seed)
        let chosen = bank.sorted { $0.id < $1.id }.shuffled(using: &generator).prefix(max(count, 1))
        self.jurisdiction = jurisdiction.id
        self.seed = seed
        vignettes = chosen.map(\.id)
        questions = chosen.flatMap { builder.questions(for: $0, under: jurisdiction, using: &generator) }
    }
}

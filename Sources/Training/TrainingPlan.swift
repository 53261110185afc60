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
        self.init(bank: bank, jurisdiction: jurisdiction, length: .vignettes(count), seed: seed, builder: builder)
    }

    /// A plan of `length`: the vignettes are drawn in the same seeded order whatever the length,
    /// so a refresher's plan is the start of the course's, and saving the number of vignettes
    /// drawn (``vignettes``) rebuilds the same plan.
    public init(
        bank: [Vignette], jurisdiction: JurisdictionProtocol, length: SessionLength, seed: UInt64, builder: QuestionBuilder
    ) {
        var generator = SplitMix64(seed: seed)
        let order = bank.sorted { $0.id < $1.id }.shuffled(using: &generator)
        var chosen: [Vignette] = []
        var questions: [Question] = []
        for vignette in order {
            if length.isReached(vignettes: chosen.count, questions: questions.count) { break }
            chosen.append(vignette)
            questions += builder.questions(for: vignette, under: jurisdiction, using: &generator)
        }
        self.jurisdiction = jurisdiction.id
        self.seed = seed
        vignettes = chosen.map(\.id)
        self.questions = questions
    }
}

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
    /// drawn (``vignettes``) rebuilds the same plan. With a `draw`, the seeded order is rearranged
    /// (``VignetteDraw``), and the vignettes drawn must be saved to rebuild it
    /// (``init(bank:jurisdiction:drawn:seed:builder:)``).
    public init(
        bank: [Vignette], jurisdiction: JurisdictionProtocol, length: SessionLength, seed: UInt64, builder: QuestionBuilder,
        draw: VignetteDraw = .seededOrder
    ) {
        self.init(bank: bank, jurisdiction: jurisdiction, length: length, seed: seed, builder: builder) { draw.ordered($0) }
    }

    /// The plan that drew `drawn`, in that order, with `seed`: the same questions as when it was
    /// first built, whatever draw chose them. Vignettes no longer in the bank are left out.
    public init(
        bank: [Vignette], jurisdiction: JurisdictionProtocol, drawn: [VignetteID], seed: UInt64, builder: QuestionBuilder
    ) {
        let byID = Dictionary(bank.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.init(bank: bank, jurisdiction: jurisdiction, length: .vignettes(drawn.count), seed: seed, builder: builder) {
            _ in drawn.compactMap { byID[$0] }
        }
    }

    /// The generator shuffles the bank first, whatever `arranged` then does with the order, so the
    /// questions' random choices follow from the seed alone.
    private init(
        bank: [Vignette], jurisdiction: JurisdictionProtocol, length: SessionLength, seed: UInt64, builder: QuestionBuilder,
        arranged: ([Vignette]) -> [Vignette]
    ) {
        var generator = SplitMix64(seed: seed)
        let order = arranged(bank.sorted { $0.id < $1.id }.shuffled(using: &generator))
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

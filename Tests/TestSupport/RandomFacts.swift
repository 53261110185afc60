import ProtocolEngine
import ScenarioEngine

/// Random facts and vignettes for property tests, from a seeded generator.
public enum RandomFacts {
    public static func facts(from vocabulary: Vocabulary, using generator: inout some RandomNumberGenerator) -> Facts {
        let indicators = vocabulary.indicators.map(\.id).filter { _ in Int.random(in: 0..<8, using: &generator) == 0 }
        // The evidence is one of its three states, never judged both ways at once.
        let evidence: [CaseFlag] = [.evidenceSufficient, .evidenceInsufficient]
        var flags = CaseFlag.allCases.filter { !evidence.contains($0) && Int.random(in: 0..<4, using: &generator) == 0 }
        switch Int.random(in: 0..<4, using: &generator) {
        case 0: flags.append(.evidenceSufficient)
        case 1: flags.append(.evidenceInsufficient)
        default: break
        }
        return Facts(indicators: Set(indicators), flags: Set(flags))
    }

    /// A vignette with random facts and up to three stages of random actions done.
    public static func vignette(
        number: Int, from vocabulary: Vocabulary, using generator: inout some RandomNumberGenerator
    ) -> Vignette {
        var done: Set<ActionID> = []
        let stages = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
            done.formUnion(vocabulary.actions.map(\.id).filter { _ in Int.random(in: 0..<4, using: &generator) == 0 })
            return Stage(
                done: done,
                addedFacts: Int.random(in: 0..<3, using: &generator) == 0 ? facts(from: vocabulary, using: &generator) : Facts())
        }
        return Vignette(
            id: VignetteID("random-\(number)"), title: "Random \(number)", narrative: "Generated.",
            facts: facts(from: vocabulary, using: &generator), stages: stages,
            tags: VignetteTags(audience: ["test"], difficulty: .introductory, topics: []))
    }
}

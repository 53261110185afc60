import ProtocolEngine
import ScenarioEngine
import Training

extension WeakAreas {
    /// The vignettes of `bank` that practise these weak areas under `jurisdiction`: those with a
    /// stage whose correct category there (as the protocol engine computes it from the stage's
    /// facts, as the question builder does) is a weak one, and those with a stage where a weak
    /// mistake that the content offers only on some cases (its `onlyWhen` flag) can be offered
    /// again. None when `jurisdiction` is not the one whose attempt found them: categories are
    /// each county's own.
    public func vignettesToPractise(
        in bank: [Vignette], under jurisdiction: JurisdictionProtocol, engine: ProtocolEngine, mistakes: [CommonMistake]
    ) -> Set<VignetteID> {
        guard jurisdiction.id == self.jurisdiction, !isEmpty else { return [] }
        let flags = Set(mistakes.filter { self.mistakes.contains($0.id) }.compactMap(\.onlyWhen))
        var practise: Set<VignetteID> = []
        for vignette in bank {
            for (stage, facts) in vignette.factsByStage.enumerated() {
                let reading = engine.read(facts)
                let key = engine.answerKey(for: reading, done: vignette.stages[stage].done, under: jurisdiction)
                let category = key.classification.category
                let offersWeakMistake = category != nil && flags.contains { reading.facts.has($0) }
                if categories.contains(category) || offersWeakMistake {
                    practise.insert(vignette.id)
                    break
                }
            }
        }
        return practise
    }

    /// How a refresher on these weak areas draws under `jurisdiction`: the vignettes that
    /// practise them and that the person has not met first, then the others not met, then those
    /// that practise them already met, then the rest (``Training/VignetteDraw``).
    public func refresherDraw(
        seen: Set<VignetteID>, bank: [Vignette], under jurisdiction: JurisdictionProtocol, engine: ProtocolEngine,
        mistakes: [CommonMistake]
    ) -> VignetteDraw {
        VignetteDraw(
            seen: seen,
            practise: vignettesToPractise(in: bank, under: jurisdiction, engine: engine, mistakes: mistakes))
    }
}

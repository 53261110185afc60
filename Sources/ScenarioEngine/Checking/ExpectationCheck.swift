import ProtocolEngine

/// A difference between what a vignette's author expects and what the engine computes.
public struct ExpectationMismatch: Sendable, Equatable, CustomStringConvertible {
    public var jurisdiction: JurisdictionID
    /// The stage, or nil for the category.
    public var stage: Int?
    public var expected: String
    public var computed: String

    public var description: String {
        let what = stage.map { "stage \($0 + 1) next step" } ?? "category"
        return "\(jurisdiction): \(what): the author expects \(expected), the protocol engine computes \(computed)"
    }
}

extension ProtocolEngine {
    /// The engine's answer for each stage of a vignette under a jurisdiction.
    public func answerKeys(for vignette: Vignette, under jurisdiction: JurisdictionProtocol) -> [AnswerKey] {
        vignette.stages.indices.map { stage in
            let facts = vignette.facts(atStage: stage)
            let classification = classify(facts, under: jurisdiction)
            let nextStep = classification.category.flatMap(jurisdiction.category).map { category in
                self.nextStep(
                    in: category, of: jurisdiction, facts: facts,
                    progress: progress(after: vignette.stages[stage].done, in: category, of: jurisdiction, facts: facts))
            }
            return AnswerKey(classification: classification, nextStep: nextStep)
        }
    }

    /// Compares the author's `expect:` for `jurisdiction` with the engine's answers.
    public func mismatches(in vignette: Vignette, under jurisdiction: JurisdictionProtocol) -> [ExpectationMismatch] {
        guard let expectation = vignette.expectations[jurisdiction.id] else { return [] }
        let keys = answerKeys(for: vignette, under: jurisdiction)
        var mismatches: [ExpectationMismatch] = []
        let computedCategory = keys.first?.classification.category
        if computedCategory != expectation.category {
            mismatches.append(
                ExpectationMismatch(
                    jurisdiction: jurisdiction.id, stage: nil, expected: expectation.category?.rawValue ?? "none",
                    computed: computedCategory?.rawValue ?? "none"))
        }
        for (stage, expected) in expectation.nextSteps.enumerated() where stage < keys.count {
            let computed = keys[stage].nextStep.map(ExpectedStep.init)
            if computed != expected {
                mismatches.append(
                    ExpectationMismatch(
                        jurisdiction: jurisdiction.id, stage: stage, expected: expected.description,
                        computed: computed?.description ?? "no step (does not meet criteria)"))
            }
        }
        return mismatches
    }
}

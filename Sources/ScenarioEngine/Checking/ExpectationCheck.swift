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
        answerKeys(for: vignette, readings: vignette.factsByStage.map(read), under: jurisdiction)
    }

    /// `readings`: the vignette's facts at each stage, read.
    private func answerKeys(for vignette: Vignette, readings: [CaseReading], under jurisdiction: JurisdictionProtocol)
        -> [AnswerKey]
    {
        zip(vignette.stages, readings).map { stage, reading in
            answerKey(for: reading, done: stage.done, under: jurisdiction)
        }
    }

    /// Compares the author's `expect:` for each of `jurisdictions` with the engine's answers;
    /// the vignette's facts are read once for all of them.
    public func mismatches(in vignette: Vignette, under jurisdictions: [JurisdictionProtocol]) -> [ExpectationMismatch] {
        let readings = vignette.factsByStage.map(read)
        return jurisdictions.flatMap { jurisdiction in
            mismatches(in: vignette, readings: readings, under: jurisdiction)
        }
    }

    /// Compares the author's `expect:` for `jurisdiction` with the engine's answers.
    public func mismatches(in vignette: Vignette, under jurisdiction: JurisdictionProtocol) -> [ExpectationMismatch] {
        mismatches(in: vignette, readings: vignette.factsByStage.map(read), under: jurisdiction)
    }

    private func mismatches(in vignette: Vignette, readings: [CaseReading], under jurisdiction: JurisdictionProtocol)
        -> [ExpectationMismatch]
    {
        guard let expectation = vignette.expectations[jurisdiction.id] else { return [] }
        let keys = answerKeys(for: vignette, readings: readings, under: jurisdiction)
        var mismatches: [ExpectationMismatch] = []
        let computedCategory = keys.first?.classification.category
        if computedCategory != expectation.category {
            mismatches.append(
                ExpectationMismatch(
                    jurisdiction: jurisdiction.id, stage: nil, expected: expectation.category?.rawValue ?? "none",
                    computed: computedCategory?.rawValue ?? "none"))
        }
        for (stage, expected) in expectation.nextSteps.enumerated() where stage < keys.count {
            let computed = keys[stage].nextStep.map(ExpectedStep.init) ?? ExpectedStep.none
            if computed != expected {
                mismatches.append(
                    ExpectationMismatch(
                        jurisdiction: jurisdiction.id, stage: stage, expected: expected.description,
                        computed: computed == .none ? "none (does not meet criteria)" : computed.description))
            }
        }
        return mismatches
    }
}

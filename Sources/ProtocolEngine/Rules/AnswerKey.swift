/// The engine's full answer for a set of facts under one jurisdiction: the category, and the
/// next step of that category given what has been done.
public struct AnswerKey: Sendable, Codable, Equatable {
    public var classification: Classification
    /// Nil when the facts do not meet the protocol's criteria.
    public var nextStep: NextStepDecision?

    public init(classification: Classification, nextStep: NextStepDecision?) {
        self.classification = classification
        self.nextStep = nextStep
    }
}

extension ProtocolEngine {
    /// Classifies the facts, then finds the next step of the resulting category.
    public func answerKey(for facts: Facts, under jurisdiction: JurisdictionProtocol, progress: CaseProgress = .start)
        -> AnswerKey
    {
        let reading = read(facts)
        let classification = classify(reading, under: jurisdiction)
        let nextStep = classification.category.flatMap(jurisdiction.category).map {
            self.nextStep(in: $0, of: jurisdiction, reading: reading, progress: progress)
        }
        return AnswerKey(classification: classification, nextStep: nextStep)
    }
}

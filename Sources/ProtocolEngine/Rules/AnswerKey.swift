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
    /// Classifies the facts, then finds the next step of the resulting category once the
    /// actions in `done` have been taken. Every surface (the `answer` command, `scenarios
    /// explain`, lint and the questions of a session) asks this one function, so the same
    /// facts give the same answer everywhere.
    public func answerKey(for facts: Facts, done: Set<ActionID> = [], under jurisdiction: JurisdictionProtocol)
        -> AnswerKey
    {
        answerKey(for: read(facts), done: done, under: jurisdiction)
    }

    /// ``answerKey(for:done:under:)`` for a case already read.
    public func answerKey(for reading: CaseReading, done: Set<ActionID>, under jurisdiction: JurisdictionProtocol)
        -> AnswerKey
    {
        let classification = classify(reading, under: jurisdiction)
        let nextStep = classification.category.flatMap(jurisdiction.category).map { category in
            self.nextStep(
                in: category, of: jurisdiction, reading: reading,
                progress: progress(after: done, in: category, of: jurisdiction, reading: reading))
        }
        return AnswerKey(classification: classification, nextStep: nextStep)
    }

    /// The actions that doing steps `numbers` of the category the facts fall in amounts to
    /// (a step's alternative when its exception holds), and 911 when `emergencyHandled`: how a
    /// person who says "steps 1 and 2 are done" is asked the same question as a vignette.
    public func actions(
        ofSteps numbers: Set<Int>, emergencyHandled: Bool, for facts: Facts, under jurisdiction: JurisdictionProtocol
    ) -> Set<ActionID> {
        let reading = read(facts)
        var actions = emergencyHandled ? Set(jurisdiction.emergency.actions) : []
        guard let category = classify(reading, under: jurisdiction).category.flatMap(jurisdiction.category) else {
            return actions
        }
        for step in category.steps where numbers.contains(step.number) {
            actions.formUnion(dueActions(of: step, under: jurisdiction, reading: reading))
        }
        return actions
    }
}

extension ProtocolEngine {
    /// Progress in `category` once the actions in `done` have been taken, county-neutrally.
    ///
    /// A step counts as done when every action it asks is in `done`; a step whose exception
    /// holds counts as done when its alternative's actions are. The emergency rule counts as
    /// followed when its actions (911) are in `done`. This lets one vignette say "the police
    /// were called and a report was filed" and be asked under any county, whatever number
    /// that county gives those steps.
    public func progress(
        after done: Set<ActionID>, in category: SituationCategory, of jurisdiction: JurisdictionProtocol, facts: Facts
    ) -> CaseProgress {
        progress(after: done, in: category, of: jurisdiction, reading: read(facts))
    }

    /// ``progress(after:in:of:facts:)`` for a case already read.
    public func progress(
        after done: Set<ActionID>, in category: SituationCategory, of jurisdiction: JurisdictionProtocol,
        reading: CaseReading
    ) -> CaseProgress {
        let completed = category.steps.filter { step in
            if let exception = step.exception, check(exception.condition, reading: reading, under: jurisdiction).holds {
                return exception.instead.actions.allSatisfy(done.contains)
            }
            return step.actions.allSatisfy(done.contains)
        }
        return CaseProgress(
            completedSteps: Set(completed.map(\.number)),
            emergencyHandled: jurisdiction.emergency.actions.allSatisfy(done.contains))
    }
}

extension ProtocolEngine {
    /// Progress in `category` once the actions in `done` have been taken, county-neutrally.
    ///
    /// The county's own definitions count first (``JurisdictionProtocol/actionsCounted(asDone:)``:
    /// in Marin a mandated report filed by calling Children and Family Services is that call).
    /// A step counts as done when every action it asks is counted; a step whose exception holds
    /// counts as done when its alternative's actions are. The emergency rule counts as followed
    /// when its actions (911) are in `done`. This lets one vignette say "the police were called
    /// and a report was filed" and be asked under any county, whatever number that county gives
    /// those steps.
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
        let counted = jurisdiction.actionsCounted(asDone: done)
        let completed = category.steps.filter { step in
            dueActions(of: step, under: jurisdiction, reading: reading).allSatisfy(counted.contains)
        }
        let used = jurisdiction.equivalences.filter { equivalence in
            !done.contains(equivalence.action) && equivalence.doneBy.allSatisfy(counted.contains)
        }
        return CaseProgress(
            completedSteps: Set(completed.map(\.number)),
            emergencyHandled: jurisdiction.emergency.actions.allSatisfy(done.contains), actionsDone: counted,
            equivalencesUsed: used)
    }

    /// The actions a step asks for this case: its alternative's when its exception holds.
    func dueActions(of step: ProtocolStep, under jurisdiction: JurisdictionProtocol, reading: CaseReading) -> [ActionID] {
        if let exception = step.exception, check(exception.condition, reading: reading, under: jurisdiction).holds {
            return exception.instead.actions
        }
        return step.actions
    }
}

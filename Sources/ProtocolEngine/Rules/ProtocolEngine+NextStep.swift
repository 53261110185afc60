extension ProtocolEngine {
    /// The next step of `category` for `facts`, given what has been done.
    ///
    /// Immediate danger comes first (the jurisdiction's emergency rule). Then the first step not
    /// yet done: its printed exception gives the alternative action; a condition that does
    /// not hold passes the step over, with the reason. A step with some of its actions done
    /// asks only for the rest. After the last step: protocol complete.
    public func nextStep(
        in category: SituationCategory, of jurisdiction: JurisdictionProtocol, facts: Facts,
        progress: CaseProgress = .start
    ) -> NextStepDecision {
        nextStep(in: category, of: jurisdiction, reading: read(facts), progress: progress)
    }

    /// ``nextStep(in:of:facts:progress:)`` for a case already read.
    public func nextStep(
        in category: SituationCategory, of jurisdiction: JurisdictionProtocol, reading: CaseReading,
        progress: CaseProgress = .start
    ) -> NextStepDecision {
        if reading.facts.has(.imminentDanger), !progress.emergencyHandled {
            return emergency(jurisdiction.emergency)
        }
        let definitions = progress.equivalencesUsed.map { definition($0, in: jurisdiction) }
        var skipped: [SkippedStep] = []
        for step in category.steps where !progress.completedSteps.contains(step.number) {
            let citation = jurisdiction.citation(of: step.number, in: category)
            if let exception = step.exception {
                let check = check(exception.condition, reading: reading, under: jurisdiction)
                if check.holds {
                    return NextStepDecision(
                        kind: .alternative, step: step, citation: citation, wording: exception.instead.wording,
                        actions: exception.instead.actions, skipped: skipped,
                        reasons: definitions + [
                            check.reason, "The protocol prints an alternative for this case: \(exception.instead.wording)",
                        ])
                }
            }
            var reasons = definitions
            let done = step.actions.filter(progress.actionsDone.contains)
            if let condition = step.condition {
                let check = check(condition, reading: reading, under: jurisdiction)
                guard check.holds else {
                    skipped.append(SkippedStep(number: step.number, citation: citation, reason: check.reason))
                    continue
                }
                reasons.append(check.reason)
            } else if done.isEmpty {
                reasons.append(
                    progress.completedSteps.isEmpty && skipped.isEmpty
                        ? "Step \(step.displayLabel) is the first step of “\(category.name)”."
                        : "Step \(step.displayLabel) is the first step of “\(category.name)” not yet done.")
            }
            guard !done.isEmpty else {
                return NextStepDecision(
                    kind: .step, step: step, citation: citation, wording: step.wording, actions: step.actions,
                    skipped: skipped, reasons: reasons)
            }
            let missing = step.actions.filter { !progress.actionsDone.contains($0) }
            let doneWords = done.map { part(of: step, $0).trimmingTrailingPeriod.lowercasedFirst }
            let missingWords = missing.map { part(of: step, $0) }
            reasons.append(
                "Step \(step.displayLabel) is half done: \(doneWords.joined(separator: "; ")) (done). "
                    + "Still to do: \(missingWords.map(\.trimmingTrailingPeriod).joined(separator: "; ")).")
            return NextStepDecision(
                kind: .step, step: step, citation: citation, wording: missingWords.joined(separator: " "),
                actions: missing, skipped: skipped, reasons: reasons, alreadyDone: done)
        }
        return NextStepDecision(
            kind: .complete, wording: NextStepDecision.completeWording, actions: [], skipped: skipped,
            reasons: definitions + ["Every step of “\(category.name)” is done or does not apply."])
    }

    /// The step's own words for one of its actions, or the vocabulary's name for it.
    public func part(of step: ProtocolStep, _ action: ActionID) -> String {
        step.parts[action] ?? vocabulary.action(action).map { $0.name + "." } ?? action.rawValue
    }

    /// Why an action counts as done without being done: the county's own words.
    func definition(_ equivalence: ActionEquivalence, in jurisdiction: JurisdictionProtocol) -> String {
        let counted = vocabulary.action(equivalence.action)?.name ?? equivalence.action.rawValue
        let through = equivalence.doneBy.map { vocabulary.action($0)?.name.lowercasedFirst ?? $0.rawValue }
        return "In \(jurisdiction.name), “\(counted)” counts as done once you \(through.joined(separator: " and ")): "
            + "the protocol says “\(equivalence.quote)”"
    }

    private func emergency(_ rule: EmergencyRule) -> NextStepDecision {
        let basis =
            rule.printed
            ? "The protocol prints: “\(rule.wording)”"
            : "The protocol prints no emergency instruction; csec-trainer's rule: \(rule.wording)"
        return NextStepDecision(
            kind: .emergency, wording: rule.wording, actions: rule.actions, skipped: [],
            reasons: [CaseFlag.imminentDanger.summary.capitalizedFirst + ".", basis])
    }
}

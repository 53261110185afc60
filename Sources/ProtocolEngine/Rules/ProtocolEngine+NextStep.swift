extension ProtocolEngine {
    /// The next step of `category` for `facts`, given what has been done.
    ///
    /// Immediate danger comes first (the jurisdiction's emergency rule). Then the first step not
    /// yet done: its printed exception gives the alternative action; a condition that does
    /// not hold passes the step over, with the reason. After the last step: protocol complete.
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
        var skipped: [SkippedStep] = []
        for step in category.steps where !progress.completedSteps.contains(step.number) {
            let citation = jurisdiction.citation(of: step.number, in: category)
            if let exception = step.exception {
                let check = check(exception.condition, reading: reading, under: jurisdiction)
                if check.holds {
                    return NextStepDecision(
                        kind: .alternative, step: step, citation: citation, wording: exception.instead.wording,
                        actions: exception.instead.actions, skipped: skipped,
                        reasons: [check.reason, "The protocol prints an alternative for this case: \(exception.instead.wording)"])
                }
            }
            if let condition = step.condition {
                let check = check(condition, reading: reading, under: jurisdiction)
                guard check.holds else {
                    skipped.append(SkippedStep(number: step.number, citation: citation, reason: check.reason))
                    continue
                }
                return NextStepDecision(
                    kind: .step, step: step, citation: citation, wording: step.wording, actions: step.actions,
                    skipped: skipped, reasons: [check.reason])
            }
            let before = progress.completedSteps.count
            return NextStepDecision(
                kind: .step, step: step, citation: citation, wording: step.wording, actions: step.actions,
                skipped: skipped,
                reasons: [
                    before == 0 && skipped.isEmpty
                        ? "Step \(step.number) is the first step of “\(category.name)”."
                        : "Step \(step.number) is the first step of “\(category.name)” not yet done."
                ])
        }
        return NextStepDecision(
            kind: .complete, wording: NextStepDecision.completeWording, actions: [], skipped: skipped,
            reasons: ["Every step of “\(category.name)” is done or does not apply."])
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

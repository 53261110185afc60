extension ProtocolEngine {
    /// Evaluates a printed step condition against the facts.
    public func check(
        _ condition: StepCondition, facts: Facts, under jurisdiction: JurisdictionProtocol
    ) -> ConditionCheck {
        check(condition, reading: read(facts), under: jurisdiction)
    }

    /// ``check(_:facts:under:)`` for a case already read.
    public func check(
        _ condition: StepCondition, reading: CaseReading, under jurisdiction: JurisdictionProtocol
    ) -> ConditionCheck {
        let facts = reading.facts
        switch condition {
        case .childAbuseOrNeglectSuspected:
            guard let finding = exploitationSuspected(reading) else {
                return ConditionCheck(holds: false, reason: "No child abuse or neglect is suspected.")
            }
            return ConditionCheck(
                holds: true,
                reason: "Child abuse is suspected: the facts show \(finding.situation.described), "
                    + "and commercial sexual exploitation of a child is reportable child abuse (since January 1, 2016).")
        case .exploitationSuspected:
            guard let finding = exploitationSuspected(reading) else {
                return ConditionCheck(holds: false, reason: "Exploitation is not suspected.")
            }
            return ConditionCheck(holds: true, reason: "CSEC is suspected: the facts show \(finding.situation.described).")
        case .atRiskFactorsPresent:
            let found = situations(in: reading, under: jurisdiction)
            guard let finding = found.first else {
                return ConditionCheck(holds: false, reason: "No at-risk factors are present.")
            }
            return ConditionCheck(holds: true, reason: "At-risk factors are present: \(finding.reasons.joined(separator: " "))")
        case .parentContactAppropriate:
            if facts.has(.guardianIsSuspectedExploiter) {
                return ConditionCheck(
                    holds: false,
                    reason: "Not appropriate: the parent or guardian is the suspected exploiter. "
                        + "Do not contact them; document the decision and tell child welfare and law enforcement.")
            }
            if facts.has(.studentDeclinesParentContact) {
                return ConditionCheck(
                    holds: false,
                    reason: "Not appropriate now: consulted, the student declines contact with their parent or guardian. "
                        + "Document the consultation and decision; child welfare has the report.")
            }
            return ConditionCheck(
                holds: true,
                reason: "Nothing makes contact inappropriate; consult the student first, then inform the parent or guardian.")
        case .evidenceSufficient:
            switch facts.evidence {
            case .sufficient:
                return ConditionCheck(holds: true, reason: EvidenceAssessment.sufficient.summary.capitalizedFirst + ".")
            case .insufficient:
                return ConditionCheck(
                    holds: false,
                    reason: EvidenceAssessment.insufficient.summary.capitalizedFirst + ", so this step does not apply.")
            case .notAssessed:
                return ConditionCheck(
                    holds: false,
                    reason: EvidenceAssessment.notAssessed.summary.capitalizedFirst
                        + ": this step waits until they judge it sufficient and/or reliable, and is passed over for now.")
            }
        case .guardianIsSuspectedExploiter:
            return facts.has(.guardianIsSuspectedExploiter)
                ? ConditionCheck(holds: true, reason: "The parent or guardian is the suspected exploiter.")
                : ConditionCheck(holds: false, reason: "The parent or guardian is not the suspected exploiter.")
        }
    }
}

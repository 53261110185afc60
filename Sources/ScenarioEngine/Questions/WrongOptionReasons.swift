import ProtocolEngine

/// Why each wrong option of a category question is wrong for this case.
struct CategoryOptionReasons {
    let engine: ProtocolEngine
    let jurisdiction: JurisdictionProtocol
    let classification: Classification

    func whyWrong(_ option: AnswerOption) -> String {
        guard case .category(let chosenID) = option.origin else { return "" }
        let answer = "The answer is “\(classification.categoryName)”"
        guard let chosen = chosenID.flatMap(jurisdiction.category) else {
            // "Does not meet protocol criteria" chosen, but a category applies.
            let evidence = classification.reasons.first.map { ": \($0)" } ?? "."
            return "You chose “\(Classification.doesNotMeetCriteriaName)”, but the facts meet \(jurisdiction.name)'s criteria"
                + evidence
        }
        if let found = classification.findings.first(where: { chosen.covers.contains($0.situation) }) {
            // The chosen category's situation is present but another comes first.
            return "The facts do show \(found.situation.described), but \(answer.lowercasedFirst): "
                + "the most serious situation decides the track."
        }
        let definitions = chosen.covers.map(engine.definition(of:)).joined(separator: " ")
        return "“\(chosen.name)” does not fit these facts. \(definitions) \(answer)."
    }
}

/// Everything a next-step question knows about its stage, and why each wrong option is wrong.
struct StepContext {
    let engine: ProtocolEngine
    let jurisdiction: JurisdictionProtocol
    let category: SituationCategory
    let reading: CaseReading
    let progress: CaseProgress
    let decision: NextStepDecision

    /// Facts the question states because a step of this category depends on them: the three
    /// states of the evidence are different facts.
    var knownFacts: [String] {
        let dependsOnEvidence = category.steps.contains { $0.condition == .evidenceSufficient }
        guard dependsOnEvidence else { return [] }
        return [reading.facts.evidence.summary.capitalizedFirst + "."]
    }

    func label(of number: Int) -> String {
        category.step(number)?.displayLabel ?? String(number)
    }

    func whyWrong(_ option: AnswerOption) -> String {
        switch option.origin {
        case .mistake(_, let critical, let why):
            return critical ? why + " This is a critical mistake." : why
        case .complete:
            return "The protocol is not complete: \(due)."
        case .emergency:
            return "No one is in immediate danger in this case, so there is no emergency call to make before the steps."
        case .category:
            return ""
        case .step(let categoryID, let number), .alternative(let categoryID, let number):
            guard categoryID == category.id else {
                // Tracks share steps ("Investigate potential impact on school campus …"): one
                // that this track asks too is judged as this track's step.
                if let same = category.steps.first(where: { $0.wording == option.text || $0.actions == option.actions }) {
                    return whyWrong(step: same.number)
                }
                let other = jurisdiction.category(categoryID)?.name ?? categoryID.rawValue
                return "That step belongs to “\(other)”; this case follows “\(category.name)”."
            }
            return whyWrong(step: number)
        }
    }

    private func whyWrong(step number: Int) -> String {
        let label = label(of: number)
        if decision.kind == .emergency {
            return "Not yet: the student is in immediate danger, and that comes first: “\(jurisdiction.emergency.wording)”"
        }
        if progress.completedSteps.contains(number) {
            return "Step \(label) is already done in this case."
        }
        if let skipped = decision.skipped.first(where: { $0.number == number }) {
            return "Step \(label) does not apply here: \(skipped.reason)"
        }
        if let current = decision.step, number == current.number, decision.kind == .alternative,
            let exception = current.exception
        {
            return "Not as printed: \(exception.condition.summary), so the protocol's alternative applies."
        }
        return "Step \(label) is not due yet: \(due)."
    }

    /// What is due now, in words: "step 1 still needs: Call Children and Family Services".
    private var due: String {
        guard let step = decision.step else { return "nothing is due" }
        let label = step.displayLabel
        if decision.isPartial {
            return "step \(label) still needs: \(decision.wording.trimmingTrailingPeriod)"
        }
        return "step \(label) comes first (\(decision.wording.trimmingTrailingPeriod))"
    }
}

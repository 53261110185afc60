import ProtocolEngine

/// Builds the questions of a vignette under a jurisdiction. The correct option of each comes
/// from the protocol engine; the distractors from the same protocol and the mistakes catalog.
public struct QuestionBuilder: Sendable {
    public var engine: ProtocolEngine
    public var mistakes: [CommonMistake]
    /// How many wrong options a next-step question offers (at most; fewer when too few fit).
    public var distractorCount: Int

    public init(engine: ProtocolEngine, mistakes: [CommonMistake], distractorCount: Int = 3) {
        self.engine = engine
        self.mistakes = mistakes
        self.distractorCount = distractorCount
    }

    /// The questions for every stage: the category at the first stage and whenever it changes,
    /// and the next step at every stage where a category applies.
    public func questions(
        for vignette: Vignette, under jurisdiction: JurisdictionProtocol, using generator: inout some RandomNumberGenerator
    ) -> [Question] {
        var questions: [Question] = []
        var previousCategory: CategoryID?? = .none
        for (stage, facts) in vignette.factsByStage.enumerated() {
            let reading = engine.read(facts)
            let classification = engine.classify(reading, under: jurisdiction)
            if previousCategory != .some(classification.category) {
                questions.append(
                    categoryQuestion(vignette, stage: stage, jurisdiction: jurisdiction, classification, using: &generator))
            }
            previousCategory = .some(classification.category)
            guard let category = classification.category.flatMap(jurisdiction.category) else { continue }
            let progress = engine.progress(
                after: vignette.stages[stage].done, in: category, of: jurisdiction, reading: reading)
            let decision = engine.nextStep(in: category, of: jurisdiction, reading: reading, progress: progress)
            questions.append(
                nextStepQuestion(vignette, stage: stage, jurisdiction: jurisdiction, category, facts, decision, using: &generator)
            )
        }
        return questions
    }

    private func categoryQuestion(
        _ vignette: Vignette, stage: Int, jurisdiction: JurisdictionProtocol, _ classification: Classification,
        using generator: inout some RandomNumberGenerator
    ) -> Question {
        let options = jurisdiction.categories.map(AnswerOption.category).shuffled(using: &generator) + [.doesNotMeetCriteria]
        let correct = options.first { $0.origin == .category(classification.category) } ?? .doesNotMeetCriteria
        return Question(
            id: "\(vignette.id)#\(stage)/category", kind: .category, vignette: vignette, stage: stage,
            jurisdiction: jurisdiction.id,
            prompt: "Under the \(jurisdiction.name) protocol, which situation category applies?",
            options: options, correctOptionID: correct.id,
            explanation: Explanation(
                answer: classification.categoryName, citation: nil,
                source: classification.category == nil
                    ? "seed \(jurisdiction.source.seed): none of its categories covers these facts"
                    : "seed \(jurisdiction.source.seed), “\(classification.categoryName)”",
                reasons: classification.reasons))
    }

    private func nextStepQuestion(
        _ vignette: Vignette, stage: Int, jurisdiction: JurisdictionProtocol, _ category: SituationCategory, _ facts: Facts,
        _ decision: NextStepDecision, using generator: inout some RandomNumberGenerator
    ) -> Question {
        let correct = correctOption(decision, category, jurisdiction)
        let distractors = pickDistractors(for: correct, category, jurisdiction, facts, using: &generator)
        let skipped = decision.skipped.map { "Step \($0.number) does not apply: \($0.reason)" }
        return Question(
            id: "\(vignette.id)#\(stage)/next-step", kind: .nextStep, vignette: vignette, stage: stage,
            jurisdiction: jurisdiction.id,
            prompt: "Under “\(category.name)”, what is the correct next step?",
            options: (distractors + [correct]).shuffled(using: &generator), correctOptionID: correct.id,
            explanation: Explanation(answer: decision.wording, citation: decision.citation, reasons: decision.reasons + skipped))
    }

    private func correctOption(
        _ decision: NextStepDecision, _ category: SituationCategory, _ jurisdiction: JurisdictionProtocol
    ) -> AnswerOption {
        switch decision.kind {
        case .emergency: return .emergency(jurisdiction.emergency)
        case .complete: return .complete
        case .step: return .step(decision.step!, in: category)
        case .alternative: return .alternative(decision.step!.exception!.instead, of: decision.step!, in: category)
        }
    }

    /// Up to `distractorCount` wrong options, one from each pool in turn: other steps of this
    /// category (out of order, or not applicable now), steps of other categories, and common
    /// mistakes. An option that shares an action with the correct answer is never a
    /// distractor, so exactly one option is correct.
    private func pickDistractors(
        for correct: AnswerOption, _ category: SituationCategory, _ jurisdiction: JurisdictionProtocol, _ facts: Facts,
        using generator: inout some RandomNumberGenerator
    ) -> [AnswerOption] {
        let sameCategory = category.steps.map { AnswerOption.step($0, in: category) } + [.complete]
        let otherCategories = jurisdiction.categories.filter { $0.id != category.id }
            .flatMap { other in other.steps.map { AnswerOption.step($0, in: other) } }
        let applicableMistakes = mistakes.filter { $0.onlyWhen.map(facts.has) ?? true }.map(AnswerOption.mistake)

        var pools = [sameCategory, otherCategories, applicableMistakes].map { $0.shuffled(using: &generator) }
        var chosen: [AnswerOption] = []
        var seenTexts: Set<String> = [correct.text]
        var seenActions: Set<ActionID> = Set(correct.actions)
        while chosen.count < distractorCount, pools.contains(where: { !$0.isEmpty }) {
            for index in pools.indices where chosen.count < distractorCount {
                while let candidate = pools[index].popLast() {
                    guard candidate.id != correct.id, !seenTexts.contains(candidate.text),
                        seenActions.isDisjoint(with: candidate.actions)
                    else { continue }
                    chosen.append(candidate)
                    seenTexts.insert(candidate.text)
                    seenActions.formUnion(candidate.actions)
                    break
                }
            }
        }
        return chosen
    }
}

import ProtocolEngine

/// Builds the questions of a vignette under a jurisdiction. The correct option of each comes
/// from the protocol engine; the distractors from the same protocol and the mistakes catalog,
/// each with the reason it is wrong for this case.
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
            let done = vignette.stages[stage].done
            let key = engine.answerKey(for: reading, done: done, under: jurisdiction)
            let classification = key.classification
            if previousCategory != .some(classification.category) {
                questions.append(
                    categoryQuestion(vignette, stage: stage, jurisdiction: jurisdiction, classification, using: &generator))
            }
            previousCategory = .some(classification.category)
            guard let category = classification.category.flatMap(jurisdiction.category), let decision = key.nextStep
            else { continue }
            let progress = engine.progress(after: done, in: category, of: jurisdiction, reading: reading)
            let context = StepContext(
                engine: engine, jurisdiction: jurisdiction, category: category, reading: reading, progress: progress,
                decision: decision)
            questions.append(nextStepQuestion(vignette, stage: stage, context, using: &generator))
        }
        return questions
    }

    private func categoryQuestion(
        _ vignette: Vignette, stage: Int, jurisdiction: JurisdictionProtocol, _ classification: Classification,
        using generator: inout some RandomNumberGenerator
    ) -> Question {
        let options = jurisdiction.categories.map(AnswerOption.category).shuffled(using: &generator) + [.doesNotMeetCriteria]
        let correct = options.first { $0.origin == .category(classification.category) } ?? .doesNotMeetCriteria
        let reasons = CategoryOptionReasons(engine: engine, jurisdiction: jurisdiction, classification: classification)
        let category = classification.category.flatMap(jurisdiction.category)
        return Question(
            id: "\(vignette.id)#\(stage)/category", kind: .category, vignette: vignette, stage: stage,
            jurisdiction: jurisdiction.id,
            prompt: "Under the \(jurisdiction.name) protocol, which situation category applies?",
            options: options, correctOptionID: correct.id,
            explanation: Explanation(
                answer: classification.categoryName, citation: nil,
                source: category.map(jurisdiction.citation(of:))
                    ?? "\(jurisdiction.document): none of its categories covers these facts",
                reasons: classification.reasons,
                definition: classification.situation.map(engine.definition(of:)),
                whyWrong: Dictionary(
                    uniqueKeysWithValues: options.filter { $0.id != correct.id }.map { ($0.id, reasons.whyWrong($0)) })))
    }

    private func nextStepQuestion(
        _ vignette: Vignette, stage: Int, _ context: StepContext, using generator: inout some RandomNumberGenerator
    ) -> Question {
        let correct = correctOption(context.decision, context.category, context.jurisdiction)
        let distractors = pickDistractors(for: correct, context, using: &generator)
        let skipped = context.decision.skipped.map { "Step \(context.label(of: $0.number)) does not apply: \($0.reason)" }
        return Question(
            id: "\(vignette.id)#\(stage)/next-step", kind: .nextStep, vignette: vignette, stage: stage,
            jurisdiction: context.jurisdiction.id,
            prompt: context.knownFacts.map { $0 + " " }.joined()
                + "Under “\(context.category.name)”, what is the correct next step?",
            options: (distractors + [correct]).shuffled(using: &generator), correctOptionID: correct.id,
            explanation: Explanation(
                answer: context.decision.wording, citation: context.decision.citation,
                reasons: context.decision.reasons + skipped,
                whyWrong: Dictionary(uniqueKeysWithValues: distractors.map { ($0.id, context.whyWrong($0)) })))
    }

    private func correctOption(
        _ decision: NextStepDecision, _ category: SituationCategory, _ jurisdiction: JurisdictionProtocol
    ) -> AnswerOption {
        switch decision.kind {
        case .emergency: return .emergency(jurisdiction.emergency)
        case .complete: return .complete
        case .step where decision.isPartial: return .remainder(of: decision.step!, in: category, decision)
        case .step: return .step(decision.step!, in: category)
        case .alternative: return .alternative(decision.step!.exception!.instead, of: decision.step!, in: category)
        }
    }

    /// Up to `distractorCount` wrong options, one from each pool in turn: other steps of this
    /// category (out of order, or not applicable now), steps of other categories, and common
    /// mistakes. An option that shares an action with the correct answer is never a
    /// distractor, so exactly one option is correct.
    private func pickDistractors(
        for correct: AnswerOption, _ context: StepContext, using generator: inout some RandomNumberGenerator
    ) -> [AnswerOption] {
        let category = context.category
        let sameCategory = category.steps.map { AnswerOption.step($0, in: category) } + [.complete]
        let otherCategories = context.jurisdiction.categories.filter { $0.id != category.id }
            .flatMap { other in other.steps.map { AnswerOption.step($0, in: other) } }
        let facts = context.reading.facts
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

import ContentLoading
import ProtocolEngine
import ScenarioEngine
import TestSupport

/// What the bundled bank asks under one jurisdiction: every stage of every vignette, with the
/// engine's answer key. The coverage tests read this survey instead of naming vignettes, so
/// they keep holding as authors add or rename files.
struct BankSurvey {
    struct Answer {
        var vignette: Vignette
        var stage: Int
        var facts: Facts
        var key: AnswerKey
    }

    let jurisdiction: JurisdictionProtocol
    let answers: [Answer]

    init(content: TrainingContent, jurisdiction: JurisdictionProtocol) {
        let engine = content.library.engine
        self.jurisdiction = jurisdiction
        answers = content.vignettes.flatMap { vignette in
            engine.answerKeys(for: vignette, under: jurisdiction).enumerated().map { stage, key in
                Answer(vignette: vignette, stage: stage, facts: vignette.facts(atStage: stage), key: key)
            }
        }
    }

    var categoriesAnswered: Set<CategoryID> { Set(answers.compactMap(\.key.classification.category)) }

    var doesNotMeetCriteria: [Answer] { answers.filter { $0.key.classification.category == nil } }

    func decisions(of kind: NextStepDecision.Kind) -> [Answer] { answers.filter { $0.key.nextStep?.kind == kind } }

    /// Answers in which a step with `condition` was passed over because it did not hold.
    func skips(of condition: StepCondition) -> [Answer] {
        answers.filter { answer in
            guard let categoryID = answer.key.classification.category,
                let category = jurisdiction.category(categoryID)
            else { return false }
            return answer.key.nextStep?.skipped.contains { category.step($0.number)?.condition == condition } ?? false
        }
    }

    /// Answers whose next step is a step with `condition`, which therefore holds.
    func stepsTaken(with condition: StepCondition) -> [Answer] {
        answers.filter { $0.key.nextStep?.kind == .step && $0.key.nextStep?.step?.condition == condition }
    }

    /// Whether any step of the jurisdiction carries `condition`.
    func prints(_ condition: StepCondition) -> Bool {
        jurisdiction.categories.flatMap(\.steps).contains { $0.condition == condition }
    }

    /// Categories that some vignette walks from step 1 at its first stage to "protocol complete".
    var categoriesWalkedToCompletion: Set<CategoryID> {
        let byVignette = Dictionary(grouping: answers, by: \.vignette.id)
        var walked: Set<CategoryID> = []
        for stages in byVignette.values {
            guard let first = stages.first, first.key.nextStep?.step?.number == 1,
                let category = first.key.classification.category,
                let last = stages.last, last.key.nextStep?.kind == .complete,
                last.key.classification.category == category
            else { continue }
            walked.insert(category)
        }
        return walked
    }
}

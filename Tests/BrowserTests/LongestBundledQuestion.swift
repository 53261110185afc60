import ContentLoading
import GroupSessions
import ProtocolEngine
import ScenarioEngine
import TestSupport
import Training

/// The bundled questions that put the most text on the projector, found by building every
/// question of every bundled vignette under every bundled protocol: the layout must fit these,
/// so it fits every other.
enum LongestBundledQuestion {
    struct NoQuestions: Error {}

    /// Which phase's text is measured.
    enum Phase: String, CaseIterable, Sendable {
        /// The story so far, the prompt and the options.
        case asking
        /// The prompt, the options, the answer, its reasons and its citation.
        case revealed
    }

    /// The question with the most characters on the projector in `phase`.
    static func question(for phase: Phase) throws -> Question {
        let content = try Fixtures.trainingContent()
        var longest: (question: Question, characters: Int)?
        for jurisdiction in content.library.protocols {
            var generator = SplitMix64(seed: 1)
            for vignette in content.vignettes {
                for question in content.questionBuilder.questions(for: vignette, under: jurisdiction, using: &generator) {
                    let characters = projectedCharacters(of: question, in: phase)
                    if characters > longest?.characters ?? -1 { longest = (question, characters) }
                }
            }
        }
        guard let longest else { throw NoQuestions() }
        return longest.question
    }

    /// A session whose plan is that one question, with codes from `codeSeed`.
    static func session(for phase: Phase, codeSeed: UInt64) throws -> GroupSession {
        let question = try question(for: phase)
        let content = try Fixtures.trainingContent()
        guard let jurisdiction = content.library.protocols.first(where: { $0.id == question.jurisdiction }) else {
            throw NoQuestions()
        }
        var plan = TrainingPlan(
            bank: [question.vignette], jurisdiction: jurisdiction, count: 1, seed: 1, builder: content.questionBuilder)
        plan.questions = [question]
        var generator = SplitMix64(seed: codeSeed)
        return GroupSession(id: "ROOM-7", facilitator: "Dana Whitfield", plan: plan, using: &generator)
    }

    static func projectedCharacters(of question: Question, in phase: Phase) -> Int {
        let options = question.options.map(\.text.count).reduce(0, +)
        switch phase {
        case .asking:
            let story =
                [question.vignette.narrative] + question.vignette.stages.prefix(question.stage + 1).compactMap(\.narrative)
            return question.vignette.title.count + story.map(\.count).reduce(0, +) + question.prompt.count + options
        case .revealed:
            let explanation = question.explanation
            return question.prompt.count + options + explanation.answer.count + explanation.reasons.map(\.count).reduce(0, +)
                + explanation.source.count
        }
    }
}

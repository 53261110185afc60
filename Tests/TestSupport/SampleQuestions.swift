import ProtocolEngine
import ScenarioEngine

/// Hand-made questions for scoring and session tests that need no content.
public enum SampleQuestions {
    public static let vignette = Vignette(
        id: "sample", title: "Sample", narrative: "A student.", facts: Facts(), stages: [],
        tags: VignetteTags(audience: [], difficulty: .introductory, topics: []))

    /// A question of `kind` with options `right`, `wrong` and, for next-step questions, a
    /// critical and a non-critical mistake.
    public static func question(_ number: Int, kind: QuestionKind) -> Question {
        var options = [
            AnswerOption(id: "right", text: "Right", origin: .complete),
            AnswerOption(id: "wrong", text: "Wrong", origin: .emergency),
        ]
        if kind == .nextStep {
            options.append(
                AnswerOption(
                    id: "critical", text: "Critical", origin: .mistake("promise-secrecy", critical: true, why: "You must report.")
                ))
            options.append(
                AnswerOption(
                    id: "minor", text: "Minor",
                    origin: .mistake("question-student-in-detail", critical: false, why: "Leave it to investigators.")))
        }
        return Question(
            id: "sample#\(number)/\(kind.rawValue)", kind: kind, vignette: vignette, stage: number, jurisdiction: "marin",
            prompt: "?", options: options, correctOptionID: "right",
            explanation: Explanation(answer: "Right", citation: nil, reasons: []))
    }
}

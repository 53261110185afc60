import ScenarioEngine

/// The feedback sentences of a bank question, from the engine's explanation: the same facts the
/// terminal shows after an answer (why it is right, why the chosen option is wrong in this case,
/// the catalogued mistake's reason, the citation a person can look up).
struct BankFeedback {
    let question: Question

    init(_ question: Question) {
        self.question = question
    }

    private var explanation: Explanation { question.explanation }
    private var correctText: String { question.correctOption?.text ?? explanation.answer }
    private var cites: String? { explanation.source.isEmpty ? nil : "Cites: \(explanation.source)." }

    /// What a trainee who chose `option` is told.
    func onChoosing(_ option: AnswerOption) -> String {
        if option.id == question.correctOptionID {
            return ["Correct: “\(option.text)”.", cites].compactMap(\.self).joined(separator: " ")
        }
        let why = explanation.whyWrong[option.id] ?? option.mistake?.why
        // The reasons of a category question name the answer already.
        let answer = why?.contains("“\(correctText)”") == true ? nil : "The answer is “\(correctText)”."
        return [why.map { "Not this one: \($0)" } ?? "Not this one.", answer, cites].compactMap(\.self).joined(
            separator: " ")
    }

    /// What every trainee is told after answering, one paragraph each.
    var general: [String] {
        var paragraphs = ["Answer: \(correctText)"]
        if let definition = explanation.definition { paragraphs.append("Definition: \(definition)") }
        if explanation.citation != nil { paragraphs.append("Protocol: \(explanation.answer)") }
        if let cites { paragraphs.append(cites) }
        paragraphs += explanation.reasons.map { "Why: \($0)" }
        return paragraphs
    }
}

/// A question bank as GIFT, Moodle's text format: a `$CATEGORY:` line, then each question as
/// `::title::[html]story and prompt{ =correct#feedback ~wrong#feedback ####general feedback }`,
/// with a blank line between questions and none inside one. Options keep the engine's order.
///
/// Text is HTML (the question's `[html]` applies to its answers and feedback too) with GIFT's
/// special characters escaped (``GIFTText``); in answers and their feedback, braces become
/// parentheses.
public struct GIFTWriter: Sendable {
    public init() {}

    public func document(for bank: QuestionBank) -> String {
        var blocks = ["// \(bank.title.replacing("\n", with: " "))\n$CATEGORY: \(bank.categoryPath)"]
        blocks += bank.questions.map(question)
        return blocks.joined(separator: "\n\n") + "\n"
    }

    func question(_ question: BankQuestion) -> String {
        let text = question.story.map { "<p>\(GIFTText.html($0))</p>" }.joined() + "<p>\(GIFTText.html(question.prompt))</p>"
        var lines = ["// \(question.id.replacing("\n", with: " "))", "::\(GIFTText.escaped(question.title))::[html]\(text){"]
        for option in question.options {
            lines.append(
                (option.isCorrect ? "=" : "~") + GIFTText.html(option.text, inAnswer: true) + "#"
                    + GIFTText.html(option.feedback, inAnswer: true))
        }
        lines.append("####[html]" + question.generalFeedback.map { "<p>\(GIFTText.html($0))</p>" }.joined())
        lines.append("}")
        return lines.joined(separator: "\n")
    }
}

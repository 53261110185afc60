import XMLWriting

/// A question bank as Moodle XML (https://docs.moodle.org/en/Moodle_XML_format): a category
/// question, then one single-answer `multichoice` question per bank question. The options keep
/// the engine's order (`shuffleanswers` false); each answer's feedback says why it is right or
/// wrong; the general feedback gives the answer, the citation and the engine's reasons.
///
/// All text is HTML (`format="html"`), escaped and inside CDATA, so a reader that unescapes
/// the HTML gets the plain text back.
public struct MoodleXMLWriter: Sendable {
    public init() {}

    public func document(for bank: QuestionBank) -> String {
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            "<quiz>",
            "<!-- \(Self.commentText(bank.title)) -->",
            #"  <question type="category">"#,
            "    <category><text>\(XMLText.escaped(bank.categoryPath))</text></category>",
            "  </question>",
        ]
        for question in bank.questions { lines += self.question(question) }
        lines.append("</quiz>")
        return lines.joined(separator: "\n") + "\n"
    }

    private func question(_ question: BankQuestion) -> [String] {
        let body = XMLText.htmlParagraphs(question.story) + XMLText.htmlParagraphs([question.prompt])
        var lines = [
            #"  <question type="multichoice">"#,
            "    <name><text>\(XMLText.escaped(question.title))</text></name>",
            #"    <questiontext format="html"><text>\#(XMLText.htmlInCDATA(body))</text></questiontext>"#,
            #"    <generalfeedback format="html"><text>\#(XMLText.htmlInCDATA(XMLText.htmlParagraphs(question.generalFeedback)))</text></generalfeedback>"#,
            "    <defaultgrade>1</defaultgrade>",
            "    <penalty>0</penalty>",
            "    <hidden>0</hidden>",
            "    <idnumber>\(XMLText.escaped(question.id))</idnumber>",
            "    <single>true</single>",
            "    <shuffleanswers>false</shuffleanswers>",
            "    <answernumbering>abc</answernumbering>",
            #"    <correctfeedback format="html"><text>\#(XMLText.htmlInCDATA("<p>Correct.</p>"))</text></correctfeedback>"#,
            #"    <partiallycorrectfeedback format="html"><text></text></partiallycorrectfeedback>"#,
            #"    <incorrectfeedback format="html"><text>\#(XMLText.htmlInCDATA("<p>Not quite.</p>"))</text></incorrectfeedback>"#,
        ]
        for option in question.options {
            lines += [
                #"    <answer fraction="\#(option.isCorrect ? 100 : 0)" format="html">"#,
                "      <text>\(XMLText.htmlInCDATA(XMLText.htmlEscaped(option.text)))</text>",
                #"      <feedback format="html"><text>\#(XMLText.htmlInCDATA(XMLText.htmlEscaped(option.feedback)))</text></feedback>"#,
                "    </answer>",
            ]
        }
        lines.append("  </question>")
        return lines
    }

    /// `text` fit for an XML comment, which may not hold "--" (XML 1.0 §2.5): every run of
    /// hyphens is split by spaces.
    static func commentText(_ text: String) -> String {
        var escaped = XMLText.escaped(text)
        while escaped.contains("--") { escaped = escaped.replacing("--", with: "- -") }
        return escaped
    }
}

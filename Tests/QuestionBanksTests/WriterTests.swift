import Foundation
import ProtocolEngine
import ScenarioEngine
import Testing

@testable import QuestionBanks

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Where each writer puts the correct answer and each piece of feedback.
@Suite struct WriterTests {
    static let question = BankQuestion(
        id: "bus-stop#1/next-step", kind: .nextStep, title: "Bus stop: {stage} 2",
        story: ["A student & a \"friend\"", "Then: ~more~"], prompt: "What = next?",
        options: [
            BankOption(id: "step:marin:1", text: "Call {CFS} #1", isCorrect: false, feedback: "Not this one: done = yes."),
            BankOption(id: "step:marin:2", text: "Tell the <SRO>", isCorrect: true, feedback: "Correct: it's step 2."),
            BankOption(id: "mistake:promise-secrecy", text: "Promise secrecy", isCorrect: false, feedback: "You must report."),
        ],
        generalFeedback: ["Answer: Tell the <SRO>", "Cites: Marin {p. 1}: step 2."])
    static let bank = QuestionBank(jurisdiction: "san-mateo", jurisdictionName: "San Mateo", seed: 3, questions: [question])

    @Test func moodleXMLMarksTheCorrectAnswerAndPutsFeedbackOnEachAnswer() throws {
        let document = try XMLDocument(xmlString: MoodleXMLWriter().document(for: Self.bank))
        let category = try document.nodes(forXPath: "/quiz/question[@type='category']/category/text")
        #expect(category.map(\.stringValue) == ["$course$/top/csec_trainer/san_mateo"])
        let answers = try document.nodes(forXPath: "/quiz/question[@type='multichoice']/answer") as! [XMLElement]
        #expect(answers.map { $0.value(of: "fraction") } == ["0", "100", "0"])
        let texts = answers.map { $0.elements(forName: "text").first?.stringValue ?? "" }
        #expect(texts == ["Call {CFS} #1", "Tell the &lt;SRO&gt;", "Promise secrecy"], "HTML inside CDATA")
        let feedback = try document.nodes(forXPath: "/quiz/question/answer/feedback/text").map(\.stringValue)
        #expect(feedback == ["Not this one: done = yes.", "Correct: it's step 2.", "You must report."])
        let general = try document.nodes(forXPath: "/quiz/question/generalfeedback/text").first?.stringValue ?? ""
        #expect(general == "<p>Answer: Tell the &lt;SRO&gt;</p><p>Cites: Marin {p. 1}: step 2.</p>")
        #expect(try document.nodes(forXPath: "/quiz/question/shuffleanswers").map(\.stringValue) == ["false"])
        #expect(try document.nodes(forXPath: "/quiz/question/idnumber").map(\.stringValue) == ["bus-stop#1/next-step"])
    }

    @Test func giftPutsTheCorrectAnswerAfterEqualsAndEachFeedbackAfterItsAnswer() {
        let text = GIFTWriter().question(Self.question)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(!lines.contains { $0.allSatisfy(\.isWhitespace) }, "no blank line inside a question")
        #expect(lines[1].hasPrefix(#"::Bus stop\: \{stage\} 2::[html]<p>A student &amp; a "friend"</p>"#))
        #expect(lines[1].hasSuffix(#"<p>What \= next?</p>{"#))
        #expect(lines[2] == ##"~Call (CFS) \#1#Not this one\: done \= yes."##)
        #expect(lines[3] == #"=Tell the &lt;SRO&gt;#Correct\: it's step 2."#)
        #expect(lines[4] == "~Promise secrecy#You must report.")
        #expect(lines[5] == #"####[html]<p>Answer\: Tell the &lt;SRO&gt;</p><p>Cites\: Marin \{p. 1\}\: step 2.</p>"#)
        #expect(lines[6] == "}")
    }

    @Test func giftFilesTheBankUnderACategoryEveryReaderAccepts() {
        let document = GIFTWriter().document(for: Self.bank)
        #expect(document.contains("\n$CATEGORY: $course$/top/csec_trainer/san_mateo\n\n// bus-stop#1/next-step\n"))
    }

    @Test func qtiDeclaresTheCorrectChoiceAndAFeedbackPerChoice() throws {
        let package = QTI21Package(bank: Self.bank)
        let item = try #require(package.items.first)
        #expect(item.identifier == "bus-stop_1_next-step")
        #expect(package.itemIdentifiers.id(for: item.identifier) == "bus-stop#1/next-step")
        let document = try XMLDocument(xmlString: item.document)
        let root = try #require(document.rootElement())
        #expect(root.uri == QTI21Item.namespace)
        func strings(_ path: String) throws -> [String] {
            try root.nodes(forXPath: path).map(\.stringValue).compactMap(\.self)
        }
        let correct = try strings("//*[local-name()='correctResponse']/*[local-name()='value']")
        #expect(correct == ["step_marin_2"])
        #expect(item.choices.id(for: correct[0]) == "step:marin:2")
        let choices = try root.nodes(forXPath: "//*[local-name()='simpleChoice']") as! [XMLElement]
        #expect(
            choices.map { $0.value(of: "identifier") } == [
                "step_marin_1", "step_marin_2", "mistake_promise-secrecy",
            ])
        let feedback = try root.nodes(forXPath: "//*[local-name()='modalFeedback']") as! [XMLElement]
        #expect(
            feedback.map { $0.value(of: "identifier") }
                == choices.map {
                    $0.value(of: "identifier")
                })
        for (element, option) in zip(feedback, Self.question.options) {
            #expect(element.stringValue?.hasPrefix(option.feedback) == true)
            #expect(element.stringValue?.contains("Cites: Marin {p. 1}: step 2.") == true)
        }
    }

    @Test func theQTIManifestListsEveryItemAsAQTI21Resource() throws {
        let package = QTI21Package(bank: Self.bank)
        #expect(package.files.map(\.path) == ["imsmanifest.xml", "items/bus-stop_1_next-step.xml"])
        let manifest = try XMLDocument(xmlString: package.manifest)
        let resources = try manifest.nodes(forXPath: "//*[local-name()='resource']") as! [XMLElement]
        #expect(resources.map { $0.value(of: "type") } == ["imsqti_item_xmlv2p1"])
        #expect(resources.map { $0.value(of: "href") } == ["items/bus-stop_1_next-step.xml"])
    }
}

extension XMLElement {
    /// The attribute `name` (FoundationXML's `attribute(forName:)` misses attributes of elements
    /// in a default namespace).
    fileprivate func value(of name: String) -> String? {
        attributes?.first { $0.name == name }?.stringValue
    }
}

import Foundation
import Testing
import XMLWriting

@testable import QuestionBanks

/// How text is made safe for each format.
@Suite struct EscapingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var expected: String
        var testDescription: String { text.debugDescription }
    }

    @Test(arguments: [
        Case(text: "plain words", expected: "plain words"),
        Case(text: "a~b", expected: #"a\~b"#),
        Case(text: "a=b", expected: #"a\=b"#),
        Case(text: "a#b", expected: ##"a\#b"##),
        Case(text: "a{b}", expected: #"a\{b\}"#),
        Case(text: "Step 2: call", expected: #"Step 2\: call"#),
        Case(text: #"back\slash"#, expected: #"back\\slash"#),
        Case(text: "two\n\nparagraphs", expected: "two  paragraphs"),
    ])
    func giftEscapesEverySpecialCharacterAndNoBlankLineSurvives(_ rule: Case) {
        #expect(GIFTText.escaped(rule.text) == rule.expected)
    }

    @Test(arguments: [
        Case(text: "Call {the} office", expected: "Call (the) office"),
        Case(text: "a}b", expected: "a)b"),
        Case(text: "a~b=c#d:e", expected: ##"a\~b\=c\#d\:e"##),
    ])
    func giftAnswersHoldNoBracesAtAll(_ rule: Case) {
        #expect(GIFTText.inAnswer(rule.text) == rule.expected)
        #expect(!GIFTText.inAnswer(rule.text).contains("{") && !GIFTText.inAnswer(rule.text).contains("}"))
    }

    @Test(arguments: [
        Case(text: "Marin -- 3.1.19", expected: "Marin - - 3.1.19"),
        Case(text: "a---b", expected: "a- - -b"),
        Case(text: "a----b", expected: "a- - - -b"),
        Case(text: "Orange-County <CSEC>", expected: "Orange-County &lt;CSEC&gt;"),
    ])
    func moodleCommentsHoldNoDoubleHyphen(_ rule: Case) {
        let comment = MoodleXMLWriter.commentText(rule.text)
        #expect(comment == rule.expected)
        #expect(!comment.contains("--"))
    }

    @Test func giftTextIsHTMLBeforeItIsEscaped() {
        #expect(GIFTText.html("Children & Family <Services>") == "Children &amp; Family &lt;Services&gt;")
        #expect(GIFTText.html("a {b}", inAnswer: true) == "a (b)")
    }

    @Test(arguments: [
        Case(text: "Marin & Sonoma", expected: "Marin &amp; Sonoma"),
        Case(text: "<script>", expected: "&lt;script&gt;"),
        Case(text: #"say "no""#, expected: "say &quot;no&quot;"),
        Case(text: "it's", expected: "it&apos;s"),
        Case(text: "bell\u{07}tab\tline\n", expected: "belltab\tline\n"),
        Case(text: "]]>", expected: "]]&gt;"),
    ])
    func xmlEscapesTheFiveEntitiesAndDropsForbiddenCharacters(_ rule: Case) {
        #expect(XMLText.escaped(rule.text) == rule.expected)
    }

    @Test func htmlKeepsQuotesAndNeverClosesTheCDATASection() {
        #expect(XMLText.htmlEscaped(#"it's "x" & <y>"#) == #"it's "x" &amp; &lt;y&gt;"#)
        let section = XMLText.htmlInCDATA(XMLText.htmlEscaped("a ]]> b"))
        #expect(section.components(separatedBy: "]]>").count == 2)
    }
}

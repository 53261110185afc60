import XMLWriting

/// One bank question as a QTI 2.1 `assessmentItem` (IMS QTI v2.1 Final): a single-choice
/// `choiceInteraction` after the story, the correct choice as the `RESPONSE`'s correct
/// response, `SCORE` 1 when it is chosen, and per choice a `modalFeedback` shown when that
/// choice is the answer (why it is right or wrong, then the general feedback).
public struct QTI21Item: Sendable, Equatable {
    public static let namespace = "http://www.imsglobal.org/xsd/imsqti_v2p1"
    public static let schemaLocation = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"

    /// The item's identifier (an NCName).
    public var identifier: String
    public var question: BankQuestion
    /// The choice identifiers (NCNames) of the question's option ids.
    public var choices: QTIIdentifiers

    public init(identifier: String, question: BankQuestion) {
        self.identifier = identifier
        self.question = question
        var choices = QTIIdentifiers()
        for option in question.options { _ = choices.identifier(for: option.id) }
        self.choices = choices
    }

    /// The choice identifier of each correct option.
    public var correctChoices: [String] { question.correctOptions.compactMap { choices.byID[$0.id] } }

    public var document: String {
        let choice = { (option: BankOption) in XMLText.escaped(choices.byID[option.id] ?? "") }
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<assessmentItem xmlns="\#(Self.namespace)" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance""#,
            #"    xsi:schemaLocation="\#(Self.namespace) \#(Self.schemaLocation)""#,
            #"    identifier="\#(XMLText.escaped(identifier))" title="\#(XMLText.escaped(question.title))" adaptive="false" timeDependent="false">"#,
            #"  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier">"#,
            "    <correctResponse>" + correctChoices.map { "<value>\(XMLText.escaped($0))</value>" }.joined()
                + "</correctResponse>",
            "  </responseDeclaration>",
            #"  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float">"#,
            "    <defaultValue><value>0</value></defaultValue>",
            "  </outcomeDeclaration>",
            #"  <outcomeDeclaration identifier="FEEDBACK" cardinality="single" baseType="identifier"/>"#,
            "  <itemBody>",
        ]
        lines += question.story.map { "    <p>\(XMLText.escaped($0))</p>" }
        lines.append(#"    <choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="1">"#)
        lines.append("      <prompt>\(XMLText.escaped(question.prompt))</prompt>")
        lines += question.options.map {
            #"      <simpleChoice identifier="\#(choice($0))">\#(XMLText.escaped($0.text))</simpleChoice>"#
        }
        lines += [
            "    </choiceInteraction>",
            "  </itemBody>",
            "  <responseProcessing>",
            #"    <setOutcomeValue identifier="FEEDBACK"><variable identifier="RESPONSE"/></setOutcomeValue>"#,
            "    <responseCondition>",
            "      <responseIf>",
            #"        <match><variable identifier="RESPONSE"/><correct identifier="RESPONSE"/></match>"#,
            #"        <setOutcomeValue identifier="SCORE"><baseValue baseType="float">1</baseValue></setOutcomeValue>"#,
            "      </responseIf>",
            "    </responseCondition>",
            "  </responseProcessing>",
        ]
        let general = question.generalFeedback.map { "<p>\(XMLText.escaped($0))</p>" }.joined()
        lines += question.options.map {
            #"  <modalFeedback outcomeIdentifier="FEEDBACK" showHide="show" identifier="\#(choice($0))">"#
                + "<p>\(XMLText.escaped($0.feedback))</p>\(general)</modalFeedback>"
        }
        lines.append("</assessmentItem>")
        return lines.joined(separator: "\n") + "\n"
    }
}

import ProtocolEngine

/// The engine's answer and its reasons, as a terminal document.
public struct AnswerKeyDocument: Sendable {
    public var answer: AnswerKey
    public var jurisdiction: JurisdictionProtocol
    public var vocabulary: Vocabulary

    public init(answer: AnswerKey, jurisdiction: JurisdictionProtocol, vocabulary: Vocabulary) {
        self.answer = answer
        self.jurisdiction = jurisdiction
        self.vocabulary = vocabulary
    }

    public func render(width: Int) -> String {
        let wrap = TextWrapper(width: width)
        let classification = answer.classification
        var out = [wrap.wrap("\(jurisdiction.name): \(classification.categoryName)")]
        for reason in classification.reasons {
            out.append(wrap.wrap("- \(reason)", indent: "  ", hangingIndent: "    "))
        }
        guard let decision = answer.nextStep else { return out.joined(separator: "\n") + "\n" }
        out.append("")
        switch decision.kind {
        case .complete:
            out.append("Next step: \(NextStepDecision.completeWording)")
        case .emergency:
            out.append(wrap.wrap("Next step, first of all: \(decision.wording)", hangingIndent: "  "))
        case .step, .alternative:
            let number = decision.step.map { "step \($0.number)" } ?? "step"
            let prefix =
                decision.kind == .alternative ? "Next step (\(number), the printed alternative)" : "Next step (\(number))"
            out.append(wrap.wrap("\(prefix): \(decision.wording)", hangingIndent: "  "))
        }
        if !decision.actions.isEmpty {
            let actions = decision.actions.map { vocabulary.action($0)?.name ?? $0.rawValue }.joined(separator: "; ")
            out.append(wrap.wrap("Actions: \(actions)", indent: "  ", hangingIndent: "    "))
        }
        if let citation = decision.citation {
            out.append(wrap.wrap("Cites: \(citation)", indent: "  ", hangingIndent: "    "))
        }
        for reason in decision.reasons {
            out.append(wrap.wrap("- \(reason)", indent: "  ", hangingIndent: "    "))
        }
        for skipped in decision.skipped {
            out.append(wrap.wrap("Skipped step \(skipped.number): \(skipped.reason)", indent: "  ", hangingIndent: "    "))
        }
        return out.joined(separator: "\n") + "\n"
    }
}

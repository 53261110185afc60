import ProtocolEngine

/// A protocol as a readable terminal document, wrapped to a width.
public struct ProtocolDocument: Sendable {
    public var jurisdiction: JurisdictionProtocol
    public var vocabulary: Vocabulary

    public init(jurisdiction: JurisdictionProtocol, vocabulary: Vocabulary) {
        self.jurisdiction = jurisdiction
        self.vocabulary = vocabulary
    }

    public func render(width: Int) -> String {
        let wrap = TextWrapper(width: width)
        var out: [String] = []
        out.append(wrap.wrap("\(jurisdiction.name.uppercased()): \(jurisdiction.title)"))
        out.append(wrap.wrap("Publisher: \(jurisdiction.publisher)"))
        out.append(wrap.wrap("Cite as: \(jurisdiction.document)"))
        if let reading = jurisdiction.source.reading {
            out.append(wrap.wrap("Reading chosen: \(reading)", indent: "  ", hangingIndent: "    "))
        }
        out.append("")
        out.append(contentsOf: emergency(wrap))
        for category in jurisdiction.categories {
            out.append("")
            out.append(contentsOf: section(category, wrap))
        }
        if !jurisdiction.contacts.isEmpty {
            out.append("")
            out.append("CONTACTS")
            for contact in jurisdiction.contacts {
                let details = [contact.phone, contact.web].compactMap { $0 }.joined(separator: ", ")
                out.append(
                    wrap.wrap(details.isEmpty ? contact.name : "\(contact.name): \(details)", indent: "  ", hangingIndent: "    ")
                )
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func emergency(_ wrap: TextWrapper) -> [String] {
        let rule = jurisdiction.emergency
        var out = ["IMMEDIATE DANGER"]
        out.append(wrap.wrap(rule.wording, indent: "  ", hangingIndent: "  "))
        out.append(
            wrap.wrap(
                rule.printed
                    ? "(printed on the protocol)" : "(not printed on the protocol: \(rule.reading ?? "csec-trainer's rule"))",
                indent: "  ", hangingIndent: "  "))
        return out
    }

    private func section(_ category: SituationCategory, _ wrap: TextWrapper) -> [String] {
        var out = [wrap.wrap(category.name.uppercased())]
        out.append(
            wrap.wrap("Covers: \(category.covers.map(\.name).joined(separator: "; "))", indent: "  ", hangingIndent: "    "))
        if let reading = category.reading {
            out.append(wrap.wrap("Reading chosen: \(reading)", indent: "  ", hangingIndent: "    "))
        }
        for group in category.criteria {
            out.append(wrap.wrap("\(group.title) (threshold \(group.threshold)):", indent: "  ", hangingIndent: "    "))
            for factor in group.factors {
                out.append(wrap.wrap("- \(factor.wording)", indent: "    ", hangingIndent: "      "))
            }
        }
        for step in category.steps {
            out.append(contentsOf: lines(for: step, in: category, wrap))
        }
        return out
    }

    private func lines(for step: ProtocolStep, in category: SituationCategory, _ wrap: TextWrapper) -> [String] {
        let label = "  Step \(step.number). "
        let detail = String(repeating: " ", count: label.count)
        var out = [wrap.wrap(step.wording, indent: label, hangingIndent: detail)]
        if let actor = step.actor { out.append(wrap.wrap("Who: \(actor)", indent: detail, hangingIndent: detail + "  ")) }
        if let condition = step.condition {
            out.append(wrap.wrap("Only if \(condition.summary).", indent: detail, hangingIndent: detail + "  "))
        }
        if let exception = step.exception {
            out.append(
                wrap.wrap(
                    "Unless \(exception.condition.summary): \(exception.instead.wording)", indent: detail,
                    hangingIndent: detail + "  "))
        }
        let actions = step.actions.map { vocabulary.action($0)?.name ?? $0.rawValue }.joined(separator: "; ")
        out.append(wrap.wrap("Actions: \(actions)", indent: detail, hangingIndent: detail + "  "))
        let contacts = step.contacts.compactMap { jurisdiction.contact($0) }
            .map { [$0.name, $0.phone].compactMap { $0 }.joined(separator: " ") }
        if !contacts.isEmpty {
            out.append(wrap.wrap("Contact: \(contacts.joined(separator: "; "))", indent: detail, hangingIndent: detail + "  "))
        }
        out.append(
            wrap.wrap(
                "Cites: \(jurisdiction.citation(of: step.number, in: category))", indent: detail, hangingIndent: detail + "  "))
        if let reading = step.reading {
            out.append(wrap.wrap("Reading chosen: \(reading)", indent: detail, hangingIndent: detail + "  "))
        }
        return out
    }
}

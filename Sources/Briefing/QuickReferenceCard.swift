import ProtocolEngine

/// The one-page quick-reference card of a protocol: title and printed version, the emergency
/// line, each category's steps in short, the numbers the protocol prints, the site's
/// contacts and the citation. A value; the PDF renderer lays it out.
public struct QuickReferenceCard: Sendable, Equatable {
    public struct Category: Sendable, Equatable {
        public var name: String
        /// "1. Submit a mandated report (if at-risk factors are present)".
        public var steps: [String]
    }

    public var title: String
    public var protocolLine: String
    public var emergency: String
    public var categories: [Category]
    /// "Child Abuse Hotline …: (415) 473-7153", as printed.
    public var printedNumbers: [String]
    public var siteContacts: SiteContactSheet
    public var footer: String

    public init(jurisdiction: JurisdictionProtocol, vocabulary: Vocabulary, boxes: [SiteContactBox], site: SiteContacts) {
        title = "\(jurisdiction.name): protocol quick reference"
        protocolLine = BriefingBuilder.protocolLine(jurisdiction)
        let rule = jurisdiction.emergency
        emergency = rule.printed ? rule.wording : "\(rule.wording) (csec-trainer's rule; this protocol prints none)"
        categories = jurisdiction.categories.map { category in
            Category(
                name: category.name,
                steps: category.steps.map { step in
                    let actions = step.actions.map { vocabulary.action($0)?.name ?? $0.rawValue }.joined(separator: "; ")
                    let condition = step.condition.map { " (if \($0.summary))" } ?? ""
                    let exception = step.exception.map { exception in
                        let instead = exception.instead.actions.map { vocabulary.action($0)?.name ?? $0.rawValue }
                        return "; if \(exception.condition.summary): \(instead.joined(separator: "; ")) instead"
                    }
                    return "\(step.number). \(actions)\(condition)\(exception ?? "")"
                })
        }
        printedNumbers = jurisdiction.contacts.filter { $0.phone != nil || $0.web != nil }
            .map { "\($0.name): \(BriefingBuilder.reach($0))" }
        siteContacts = SiteContactSheet(boxes: boxes, site: site)
        footer =
            "From \(jurisdiction.document). Steps are shortened; the protocol's "
            + "own wording and each step's citation: csec-trainer protocol \(jurisdiction.id). "
            + "A training aid: it does not replace your county's protocol, your district's policies or a mandated report."
    }
}

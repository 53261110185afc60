import ProtocolEngine

extension BriefingBuilder {
    /// Each category: what it covers and, for at-risk, its criteria with their thresholds in words.
    func categories(_ jurisdiction: JurisdictionProtocol) -> BriefingSection {
        var blocks: [BriefingBlock] = []
        for category in jurisdiction.categories {
            blocks.append(.subheading(category.name))
            blocks.append(.paragraph("Applies to: \(category.covers.map(\.described).joined(separator: "; "))."))
            for group in category.criteria {
                blocks.append(.paragraph(Self.criteriaSentence(group)))
                blocks.append(.list(group.factors.map(\.wording)))
            }
            if let reading = category.reading { blocks.append(.note(reading)) }
        }
        if jurisdiction.category(covering: .atRisk) == nil {
            blocks.append(
                .note(
                    "This protocol has no at-risk track: at-risk factors alone do not meet its criteria. "
                        + "Watch for the signs below and act when they amount to suspicion."))
        }
        let rule = vocabulary.suspicionRule
        blocks.append(
            .note(
                "None of the protocols says how many signs make a suspected victim. csec-trainer's reading: "
                    + "at least \(PlainNumber.words(rule.directIndicators)) sign of exploitation, or at least "
                    + "\(PlainNumber.words(rule.warningSigns)) warning signs together."))
        return BriefingSection(heading: Heading.categories, blocks: blocks)
    }

    /// "At risk when at least two of these five factors are present (OR - At-Risk Factors – Criteria 2 …):".
    static func criteriaSentence(_ group: CriteriaGroup) -> String {
        "At risk when at least \(PlainNumber.words(group.threshold)) of these "
            + "\(PlainNumber.words(group.factors.count)) factors \(group.threshold == 1 ? "is" : "are") present "
            + "(\(group.title)):"
    }

    /// The vocabulary's observable signs, by kind.
    func indicators() -> BriefingSection {
        let headings: [(IndicatorKind, String)] = [
            (.directIndicator, "Signs of exploitation"),
            (.warningSign, "Warning signs"),
            (.recruitmentSign, "Signs that a student recruits or exploits others"),
            (.riskFactor, "At-risk factors (they count through the county's criteria above)"),
        ]
        var blocks: [BriefingBlock] = []
        for (kind, heading) in headings {
            let found = vocabulary.indicators.filter { $0.kind == kind }
            guard !found.isEmpty else { continue }
            blocks.append(.subheading(heading))
            blocks.append(.list(found.map(\.description)))
        }
        return BriefingSection(heading: Heading.indicators, blocks: blocks)
    }

    /// Each category's steps in order, each with who, when, the exception, contacts, why and citation.
    func steps(_ jurisdiction: JurisdictionProtocol) -> BriefingSection {
        var blocks: [BriefingBlock] = []
        for category in jurisdiction.categories {
            blocks.append(.subheading(category.name))
            for step in category.steps {
                blocks.append(
                    .step(number: step.number, wording: step.wording, details: details(of: step, in: category, jurisdiction)))
            }
        }
        return BriefingSection(heading: Heading.steps, blocks: blocks)
    }

    private func details(
        of step: ProtocolStep, in category: SituationCategory, _ jurisdiction: JurisdictionProtocol
    ) -> [String] {
        var details: [String] = []
        if let actor = step.actor { details.append("Who: \(actor)") }
        if let condition = step.condition { details.append("Only if \(condition.summary).") }
        if let exception = step.exception {
            details.append("Unless \(exception.condition.summary): \(exception.instead.wording)")
        }
        let contacts = step.contacts.compactMap(jurisdiction.contact)
            .map { contact in contact.phone.map { "\(contact.name) \($0)" } ?? contact.name }
        if !contacts.isEmpty { details.append("Contact: \(contacts.joined(separator: "; "))") }
        for action in step.actions {
            guard let why = text.why[action] else { continue }
            details.append("Why (\(vocabulary.action(action)?.name ?? action.rawValue)): \(why)")
        }
        details.append("Cites: \(jurisdiction.citation(of: step.number, in: category))")
        return details
    }
}

extension ProtocolEngine {
    /// Classifies `facts` under `jurisdiction`: the first situation, in ``Situation``
    /// precedence order, that one of the jurisdiction's categories covers.
    ///
    /// A situation the jurisdiction has no category for (an at-risk student in San Diego)
    /// does not meet that protocol's criteria; the reasons say so.
    public func classify(_ facts: Facts, under jurisdiction: JurisdictionProtocol) -> Classification {
        classify(read(facts), under: jurisdiction)
    }

    /// ``classify(_:under:)`` for a case already read.
    public func classify(_ reading: CaseReading, under jurisdiction: JurisdictionProtocol) -> Classification {
        let findings = situations(in: reading, under: jurisdiction)
        var reasons: [String] = []
        for finding in findings {
            guard let category = jurisdiction.category(covering: finding.situation) else {
                reasons.append(
                    "The facts show \(finding.situation.described), but \(jurisdiction.name) prints no category for it.")
                continue
            }
            reasons += finding.reasons
            reasons += alsoPresent(findings, after: finding, besides: category, in: jurisdiction)
            return Classification(
                jurisdiction: jurisdiction.id, category: category.id, categoryName: category.name,
                situation: finding.situation, reasons: reasons, findings: findings)
        }
        reasons += unmetReasons(reading, jurisdiction)
        return Classification(
            jurisdiction: jurisdiction.id, category: nil, categoryName: Classification.doesNotMeetCriteriaName,
            situation: nil, reasons: reasons, findings: findings)
    }

    /// Lower-precedence situations handled by another category: worth knowing, not the answer.
    private func alsoPresent(
        _ findings: [SituationFinding], after chosen: SituationFinding, besides category: SituationCategory,
        in jurisdiction: JurisdictionProtocol
    ) -> [String] {
        findings.filter { $0.situation > chosen.situation && !chosen.situation.includes($0.situation) }.compactMap { other in
            guard let otherCategory = jurisdiction.category(covering: other.situation), otherCategory.id != category.id
            else { return nil }
            return "The facts also show \(other.situation.described) (“\(otherCategory.name)”); "
                + "“\(category.name)” comes first."
        }
    }

    /// Why nothing applies: which criteria fell short, and signs too few for suspicion.
    private func unmetReasons(_ reading: CaseReading, _ jurisdiction: JurisdictionProtocol) -> [String] {
        var reasons: [String] = []
        let atRiskGroups = jurisdiction.categories.filter { $0.covers.contains(.atRisk) }.flatMap(\.criteria)
        for group in atRiskGroups {
            let present = group.factorsPresent(in: reading.facts.indicators)
            reasons.append("\(group.title): \(present.count) present, at least \(group.threshold) needed.")
        }
        let riskFactors = reading.indicators(of: .riskFactor)
        if atRiskGroups.isEmpty, !riskFactors.isEmpty {
            reasons.append(
                "Risk factors are present (\(describe(riskFactors))), but \(jurisdiction.name) prints no at-risk criteria.")
        }
        let warnings = reading.indicators(of: .warningSign)
        if !warnings.isEmpty {
            reasons.append(
                "\(warnings.count) warning sign\(warnings.count == 1 ? "" : "s") of exploitation, "
                    + "fewer than the \(vocabulary.suspicionRule.warningSigns) needed for suspicion.")
        }
        if reasons.isEmpty {
            reasons.append("No at-risk factor, sign of exploitation or sign of recruitment is present.")
        }
        return reasons
    }
}

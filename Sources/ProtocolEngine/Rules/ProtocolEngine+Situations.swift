extension ProtocolEngine {
    /// Every situation the facts show under `jurisdiction`, in precedence order.
    ///
    /// At-risk is judged by the jurisdiction's own criteria (San Mateo's narrower substance
    /// factor, for example); a jurisdiction without at-risk criteria never finds it.
    public func situations(in facts: Facts, under jurisdiction: JurisdictionProtocol) -> [SituationFinding] {
        situations(in: read(facts), under: jurisdiction)
    }

    /// ``situations(in:under:)`` for a case already read.
    public func situations(in reading: CaseReading, under jurisdiction: JurisdictionProtocol) -> [SituationFinding] {
        reading.countyNeutralFindings + [atRisk(reading.facts, jurisdiction)].compactMap { $0 }
    }

    /// The first finding of exploitation of the student or by the student, if any.
    func exploitationSuspected(_ reading: CaseReading) -> SituationFinding? {
        reading.countyNeutralFindings.first
    }

    func confirmedVictim(_ reading: CaseReading) -> SituationFinding? {
        guard reading.facts.has(.exploitationConfirmed) else { return nil }
        return SituationFinding(
            situation: .confirmedVictim, reasons: [CaseFlag.exploitationConfirmed.summary.capitalizedFirst + "."])
    }

    func suspectedVictim(_ reading: CaseReading) -> SituationFinding? {
        let rule = vocabulary.suspicionRule
        let direct = reading.indicators(of: .directIndicator)
        let warnings = reading.indicators(of: .warningSign)
        var reasons: [String] = []
        if reading.facts.has(.exploitationConfirmed) {
            reasons.append("Exploitation is confirmed, so it is also suspected.")
        }
        if direct.count >= rule.directIndicators {
            reasons.append("Direct sign\(direct.count == 1 ? "" : "s") of exploitation: \(describe(direct)).")
        }
        if warnings.count >= rule.warningSigns {
            reasons.append("\(warnings.count) warning signs (the rule needs \(rule.warningSigns)): \(describe(warnings)).")
        }
        guard !reasons.isEmpty else { return nil }
        return SituationFinding(situation: .suspectedVictim, reasons: reasons, indicators: direct + warnings)
    }

    func suspectedRecruitment(_ reading: CaseReading) -> SituationFinding? {
        let signs = reading.indicators(of: .recruitmentSign)
        var reasons: [String] = []
        if reading.facts.has(.studentRecruitingOthers) {
            reasons.append(CaseFlag.studentRecruitingOthers.summary.capitalizedFirst + ".")
        }
        if !signs.isEmpty {
            reasons.append("Sign\(signs.count == 1 ? "" : "s") of recruiting other students: \(describe(signs)).")
        }
        guard !reasons.isEmpty else { return nil }
        return SituationFinding(situation: .suspectedRecruitment, reasons: reasons, indicators: signs)
    }

    private func atRisk(_ facts: Facts, _ jurisdiction: JurisdictionProtocol) -> SituationFinding? {
        var matches: [CriteriaMatch] = []
        var factors: [RiskFactor] = []
        for category in jurisdiction.categories where category.covers.contains(.atRisk) {
            for group in category.criteria {
                let present = group.factorsPresent(in: facts.indicators)
                factors += present
                matches.append(
                    CriteriaMatch(
                        group: group.id, title: group.title, threshold: group.threshold,
                        factorsPresent: present.map { $0.wording }))
            }
        }
        let met = matches.filter { $0.isMet }
        guard !met.isEmpty else { return nil }
        let reasons = met.map { match in
            "\(match.title): \(match.factorsPresent.count) of at least \(match.threshold) present (\(match.factorsPresent.map(\.trimmingTrailingPeriod).joined(separator: "; ")))."
        }
        let indicators = factors.flatMap { $0.indicators }.filter(facts.indicators.contains)
        return SituationFinding(situation: .atRisk, reasons: reasons, indicators: indicators, criteria: matches)
    }

    func describe(_ indicators: [IndicatorID]) -> String {
        indicators.map { vocabulary.indicator($0)?.description.trimmingTrailingPeriod ?? $0.rawValue }
            .joined(separator: "; ")
    }
}

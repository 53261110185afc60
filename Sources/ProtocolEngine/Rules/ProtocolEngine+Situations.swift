extension ProtocolEngine {
    /// Every situation the facts show under `jurisdiction`, in precedence order.
    ///
    /// At-risk is judged by the jurisdiction's own criteria (San Mateo's narrower substance
    /// factor, for example); a jurisdiction without at-risk criteria never finds it.
    public func situations(in facts: Facts, under jurisdiction: JurisdictionProtocol) -> [SituationFinding] {
        [confirmedVictim(facts), suspectedVictim(facts), suspectedRecruitment(facts), atRisk(facts, jurisdiction)]
            .compactMap { $0 }
    }

    /// True when the facts show exploitation of the student or by the student.
    func exploitationSuspected(_ facts: Facts) -> SituationFinding? {
        confirmedVictim(facts) ?? suspectedVictim(facts) ?? suspectedRecruitment(facts)
    }

    private func confirmedVictim(_ facts: Facts) -> SituationFinding? {
        guard facts.has(.exploitationConfirmed) else { return nil }
        return SituationFinding(
            situation: .confirmedVictim, reasons: [CaseFlag.exploitationConfirmed.summary.capitalizedFirst + "."])
    }

    private func suspectedVictim(_ facts: Facts) -> SituationFinding? {
        let rule = vocabulary.suspicionRule
        let direct = vocabulary.indicators(of: .directIndicator, among: facts.indicators)
        let warnings = vocabulary.indicators(of: .warningSign, among: facts.indicators)
        var reasons: [String] = []
        if facts.has(.exploitationConfirmed) {
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

    private func suspectedRecruitment(_ facts: Facts) -> SituationFinding? {
        let signs = vocabulary.indicators(of: .recruitmentSign, among: facts.indicators)
        var reasons: [String] = []
        if facts.has(.studentRecruitingOthers) {
            reasons.append(CaseFlag.studentRecruitingOthers.summary.capitalizedFirst + ".")
        }
        if !signs.isEmpty {
            reasons.append("Sign\(signs.count == 1 ? "" : "s") of recruiting other students: \(describe(signs)).")
        }
        guard !reasons.isEmpty else { return nil }
        return SituationFinding(situation: .suspectedRecruitment, reasons: reasons, indicators: signs)
    }

    private func atRisk(_ facts: Facts, _ jurisdiction: JurisdictionProtocol) -> SituationFinding? {
        let groups = jurisdiction.categories.filter { $0.covers.contains(.atRisk) }.flatMap(\.criteria)
        let matches = groups.map { group in
            CriteriaMatch(
                group: group.id, title: group.title, threshold: group.threshold,
                factorsPresent: group.factorsPresent(in: facts.indicators).map(\.wording))
        }
        let met = matches.filter(\.isMet)
        guard !met.isEmpty else { return nil }
        let reasons = met.map { match in
            "\(match.title): \(match.factorsPresent.count) of at least \(match.threshold) present (\(match.factorsPresent.joined(separator: "; ")))."
        }
        let indicators = groups.flatMap { $0.factorsPresent(in: facts.indicators) }.flatMap(\.indicators)
            .filter(facts.indicators.contains)
        return SituationFinding(situation: .atRisk, reasons: reasons, indicators: indicators, criteria: matches)
    }

    func describe(_ indicators: [IndicatorID]) -> String {
        indicators.map { vocabulary.indicator($0)?.description.trimmingTrailingPeriod ?? $0.rawValue }
            .joined(separator: "; ")
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
    var trimmingTrailingPeriod: String { hasSuffix(".") ? String(dropLast()) : self }
}

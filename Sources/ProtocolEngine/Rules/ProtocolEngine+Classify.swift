extension ProtocolEngine {
    /// Classifies `facts` under `jurisdiction`: the first situation, in ``Situation``
    /// precedence order, that one of the jurisdiction's categories covers.
    ///
    /// A situation the jurisdiction has no category for (an at-risk student in San Diego)
    /// does not meet that protocol's criteria; the reasons say so and name the track that
    /// applies instead, if any.
    public func classify(_ facts: Facts, under jurisdiction: JurisdictionProtocol) -> Classification {
        classify(read(facts), under: jurisdiction)
    }

    /// ``classify(_:under:)`` for a case already read.
    public func classify(_ reading: CaseReading, under jurisdiction: JurisdictionProtocol) -> Classification {
        let findings = situations(in: reading, under: jurisdiction)
        var reasons: [String] = []
        for (index, finding) in findings.enumerated() {
            guard let category = jurisdiction.category(covering: finding.situation) else {
                reasons.append(
                    "The facts show \(finding.situation.described), but "
                        + noTrack(for: finding.situation, in: jurisdiction, instead: findings.dropFirst(index + 1)))
                continue
            }
            reasons += finding.reasons
            if let shared = sharedTrack(category, for: finding.situation, in: jurisdiction) {
                reasons.append(shared)
            }
            reasons += alsoPresent(findings, after: finding, besides: category, in: jurisdiction)
            return Classification(
                jurisdiction: jurisdiction.id, category: category.id, categoryName: category.name,
                situation: finding.situation, reasons: reasons, findings: findings)
        }
        reasons += unmetReasons(reading, jurisdiction)
        reasons += generalDuty(reading)
        return Classification(
            jurisdiction: jurisdiction.id, category: nil, categoryName: Classification.doesNotMeetCriteriaName,
            situation: nil, reasons: reasons, findings: findings)
    }

    /// "<county> prints no <situation> track", and what applies instead.
    private func noTrack(
        for situation: Situation, in jurisdiction: JurisdictionProtocol, instead later: ArraySlice<SituationFinding>
    ) -> String {
        let opening = "\(jurisdiction.name) prints no \(situation.name) track"
        if let next = later.first(where: { jurisdiction.category(covering: $0.situation) != nil }),
            let category = jurisdiction.category(covering: next.situation)
        {
            return opening
                + "; its “\(category.name)” track applies instead, because the facts also show \(next.situation.described)."
        }
        let watchFor = jurisdiction.category(covering: .suspectedVictim).map {
            " If signs of exploitation appear, its “\($0.name)” track applies."
        }
        return opening + ", so no track of its protocol applies." + (watchFor ?? "")
    }

    /// A category that covers several situations, when none of the county's tracks is this
    /// situation's alone (Orange County's one track for recruitment and victimization).
    private func sharedTrack(
        _ category: SituationCategory, for situation: Situation, in jurisdiction: JurisdictionProtocol
    ) -> String? {
        guard category.covers.count > 1, !jurisdiction.categories.contains(where: { $0.covers == [situation] }) else {
            return nil
        }
        return "\(jurisdiction.name) prints no separate \(situation.name) track: its “\(category.name)” track covers it."
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
                "Risk factors are present (\(describe(riskFactors))), which other counties' at-risk criteria count, but "
                    + noTrack(for: .atRisk, in: jurisdiction, instead: []))
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

    /// Outside the protocol the general duty still applies, and the facts may point to a
    /// school service.
    private func generalDuty(_ reading: CaseReading) -> [String] {
        var reasons = [Self.generalDutyReminder]
        if reading.facts.has(.imminentDanger) {
            reasons.insert(
                "The student is in immediate danger: call 911 now, whether or not a protocol track applies.", at: 0)
        }
        // In vocabulary order, kind by kind; several indicators may name the same service.
        let indicators = IndicatorKind.allCases.flatMap(reading.indicators(of:))
        var named: [String] = []
        for service in indicators.compactMap({ vocabulary.indicator($0)?.service }) where !named.contains(service) {
            named.append(service)
            reasons.append("This case points to \(service).")
        }
        return reasons
    }

    /// Shown whenever the facts do not meet a protocol's criteria.
    public static let generalDutyReminder =
        "Not meeting this protocol's criteria does not end your duty: a mandated reporter who knows or reasonably "
        + "suspects child abuse or neglect reports it by phone at once or as soon as practicably possible "
        + "(Penal Code 11166(a))."
}

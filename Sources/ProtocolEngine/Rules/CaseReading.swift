/// The engine's reading of a case's facts before any county's protocol is applied: the
/// indicators present, by kind, and the situations every county judges alike (a confirmed
/// victim, a suspected victim, suspected recruitment), which the shared vocabulary and
/// suspicion rule decide.
///
/// Read a case once and judge it under each county with the functions that take a reading;
/// those that take ``Facts`` read the facts themselves.
public struct CaseReading: Sendable, Equatable {
    public let facts: Facts
    /// The situations the facts show that no county judges differently, in precedence order.
    public let countyNeutralFindings: [SituationFinding]
    private let indicatorsByKind: [IndicatorKind: [IndicatorID]]

    init(facts: Facts, indicatorsByKind: [IndicatorKind: [IndicatorID]], countyNeutralFindings: [SituationFinding]) {
        self.facts = facts
        self.indicatorsByKind = indicatorsByKind
        self.countyNeutralFindings = countyNeutralFindings
    }

    /// The indicators of `kind` among the facts, in vocabulary order.
    func indicators(of kind: IndicatorKind) -> [IndicatorID] {
        indicatorsByKind[kind] ?? []
    }
}

extension ProtocolEngine {
    /// Reads `facts`: what they show whichever county's protocol applies.
    public func read(_ facts: Facts) -> CaseReading {
        let byKind = vocabulary.indicatorsByKind(among: facts.indicators)
        let partial = CaseReading(facts: facts, indicatorsByKind: byKind, countyNeutralFindings: [])
        let findings = [confirmedVictim(partial), suspectedVictim(partial), suspectedRecruitment(partial)]
        return CaseReading(facts: facts, indicatorsByKind: byKind, countyNeutralFindings: findings.compactMap { $0 })
    }
}

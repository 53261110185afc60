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
    public internal(set) var countyNeutralFindings: [SituationFinding] = []
    private let indicatorsByKind: [IndicatorKind: [IndicatorID]]

    init(facts: Facts, indicatorsByKind: [IndicatorKind: [IndicatorID]]) {
        self.facts = facts
        self.indicatorsByKind = indicatorsByKind
    }

    /// The indicators of `kind` among the facts, in vocabulary order.
    func indicators(of kind: IndicatorKind) -> [IndicatorID] {
        indicatorsByKind[kind] ?? []
    }
}

extension ProtocolEngine {
    /// Reads `facts`: what they show whichever county's protocol applies.
    public func read(_ facts: Facts) -> CaseReading {
        var reading = CaseReading(facts: facts, indicatorsByKind: vocabulary.indicatorsByKind(among: facts.indicators))
        reading.countyNeutralFindings = [confirmedVictim(reading), suspectedVictim(reading), suspectedRecruitment(reading)]
            .compactMap { $0 }
        return reading
    }
}

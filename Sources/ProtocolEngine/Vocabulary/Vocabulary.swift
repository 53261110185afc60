/// The shared vocabulary of all protocols: actions, indicators and the suspicion rule.
public struct Vocabulary: Sendable, Codable, Equatable {
    public var actions: [ActionDefinition]
    public var indicators: [IndicatorDefinition] {
        didSet { positions = Self.positions(of: indicators) }
    }
    public var suspicionRule: SuspicionRule
    /// Each indicator's place in `indicators`: the engine asks about a few facts at a time, so
    /// it looks them up instead of scanning the whole list.
    private var positions: [IndicatorID: Int]

    public init(actions: [ActionDefinition], indicators: [IndicatorDefinition], suspicionRule: SuspicionRule) {
        self.actions = actions
        self.indicators = indicators
        self.suspicionRule = suspicionRule
        self.positions = Self.positions(of: indicators)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            actions: try container.decode([ActionDefinition].self, forKey: .actions),
            indicators: try container.decode([IndicatorDefinition].self, forKey: .indicators),
            suspicionRule: try container.decode(SuspicionRule.self, forKey: .suspicionRule))
    }

    private enum CodingKeys: String, CodingKey {
        case actions, indicators, suspicionRule
    }

    private static func positions(of indicators: [IndicatorDefinition]) -> [IndicatorID: Int] {
        Dictionary(indicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func action(_ id: ActionID) -> ActionDefinition? {
        actions.first { $0.id == id }
    }

    public func indicator(_ id: IndicatorID) -> IndicatorDefinition? {
        positions[id].map { indicators[$0] }
    }

    /// The indicators among `ids` grouped by kind, each group in vocabulary order; ids the
    /// vocabulary does not have are left out.
    public func indicatorsByKind(among ids: Set<IndicatorID>) -> [IndicatorKind: [IndicatorID]] {
        var groups: [IndicatorKind: [IndicatorID]] = [:]
        for position in ids.compactMap({ positions[$0] }).sorted() {
            groups[indicators[position].kind, default: []].append(indicators[position].id)
        }
        return groups
    }
}

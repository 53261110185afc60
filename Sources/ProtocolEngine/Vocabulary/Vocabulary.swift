/// The shared vocabulary of all protocols: actions, indicators and the suspicion rule.
public struct Vocabulary: Sendable, Codable, Equatable {
    public var actions: [ActionDefinition]
    public var indicators: [IndicatorDefinition]
    public var suspicionRule: SuspicionRule

    public init(actions: [ActionDefinition], indicators: [IndicatorDefinition], suspicionRule: SuspicionRule) {
        self.actions = actions
        self.indicators = indicators
        self.suspicionRule = suspicionRule
    }

    public func action(_ id: ActionID) -> ActionDefinition? {
        actions.first { $0.id == id }
    }

    public func indicator(_ id: IndicatorID) -> IndicatorDefinition? {
        indicators.first { $0.id == id }
    }

    /// The indicators among `ids` that are of `kind`, in vocabulary order.
    public func indicators(of kind: IndicatorKind, among ids: Set<IndicatorID>) -> [IndicatorID] {
        indicators.filter { $0.kind == kind && ids.contains($0.id) }.map(\.id)
    }
}

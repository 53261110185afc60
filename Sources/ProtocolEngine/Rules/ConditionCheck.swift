/// Whether a step condition holds for the facts, and why.
public struct ConditionCheck: Sendable, Equatable {
    public var holds: Bool
    public var reason: String

    public init(holds: Bool, reason: String) {
        self.holds = holds
        self.reason = reason
    }
}

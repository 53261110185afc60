/// What to do first when a student is in immediate danger.
///
/// Marin prints "FOR EMERGENCIES CALL 911 IMMEDIATELY"; the other four seeds print nothing.
/// Every protocol file states its rule and whether it is printed, so a trainee is never told
/// that a county says something it does not.
public struct EmergencyRule: Sendable, Codable, Equatable {
    /// True when the protocol itself prints this instruction.
    public var printed: Bool
    public var wording: String
    public var actions: [ActionID]
    /// Why csec-trainer applies this rule where the protocol prints none.
    public var reading: String?

    public init(printed: Bool, wording: String, actions: [ActionID], reading: String? = nil) {
        self.printed = printed
        self.wording = wording
        self.actions = actions
        self.reading = reading
    }
}

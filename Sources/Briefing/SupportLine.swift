/// Somewhere to turn for support: a name and how to reach it ("call or text 988").
public struct SupportLine: Sendable, Codable, Equatable {
    public var name: String
    /// How to reach it, as a person would say it: a phone number, "call or text 988", an email.
    public var reach: String

    public init(name: String, reach: String) {
        self.name = name
        self.reach = reach
    }

    /// "988 Suicide & Crisis Lifeline: call or text 988".
    public var text: String { "\(name): \(reach)" }
}

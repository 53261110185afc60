/// How a report row stands with the staff roster.
public enum RosterStanding: String, Sendable, Codable, Equatable, CaseIterable {
    /// On the roster; the person's records, if any, carry their employee id.
    case listed
    /// On the roster, with a record that gives no employee id and was matched by name and
    /// school: the administrator should confirm it is this person.
    case confirmMatch = "confirm-match"
    /// A record of someone not on the roster (or who cannot be told apart on it).
    case notOnRoster = "not-on-roster"

    /// As the report's table prints it.
    public var words: String {
        switch self {
        case .listed: "listed"
        case .confirmMatch: "confirm match"
        case .notOnRoster: "not on roster"
        }
    }
}

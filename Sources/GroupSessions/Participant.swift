/// Someone who joined a group session.
public struct Participant: Sendable, Equatable, Identifiable {
    /// The order of joining, from 1: what the facilitator's roster and the records show, never
    /// the token.
    public let id: Int
    public let name: String
    public let employeeID: String?
    /// The participant's own token: every answer must carry it.
    public let token: SessionSecret

    /// A name as typed, trimmed, or nil when it is empty, too long (over 80 characters) or has
    /// control characters. (Pages escape every name they show; this keeps rosters sane.)
    public static func acceptableName(_ typed: String) -> String? {
        let name = typed.trimmingWhitespace
        guard (1...80).contains(name.count), !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { return nil }
        return name
    }
}

extension String {
    var trimmingWhitespace: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}

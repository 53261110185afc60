/// Someone who joined a group session.
public struct Participant: Sendable, Equatable, Identifiable, Codable {
    /// The order of joining, from 1: what the facilitator's roster and the records show, never
    /// the token.
    public let id: Int
    public let name: String
    public let employeeID: String?
    /// The participant's own token: every answer must carry it.
    public let token: SessionSecret
    /// The key the participant's page keeps in its storage: joining again with it (a closed tab)
    /// is this participant again, not a new one. Nil when the page sent none.
    public let rejoinKey: SessionSecret?
}

extension String {
    var trimmingWhitespace: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}

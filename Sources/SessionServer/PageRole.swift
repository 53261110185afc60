import GroupSessions

/// What a page connected to the room may do. On `session host`'s own socket anyone may send
/// anything (a join with a typed name, the projector's key, the facilitator's secret). A server
/// that signs people in first (the district server) decides who is on the other end: a staff
/// member joins as themselves, and a facilitator's projector only watches.
public enum PageRole: Sendable, Equatable {
    /// Every message, as the page sends it.
    case anyone
    /// A signed-in participant: a `join` is for this identity, whatever name the page sends;
    /// a facilitator command is refused (the facilitator's console is elsewhere).
    case participant(SignedInParticipant)
    /// A projector view: only `watch` (with the projector key).
    case projector

    /// `message` as the room takes it from a page in this role, or the refusal it gets.
    public func admit(_ message: ClientMessage) -> Result<ClientMessage, Refusal> {
        switch (self, message) {
        case (.anyone, _), (.projector, .watch): return .success(message)
        case (.participant(let identity), .join(let code, _, _, _)):
            return .success(
                .join(code: code, name: identity.name, employeeID: identity.employeeID, rejoinKey: identity.rejoinKey))
        case (.participant, .resume), (.participant, .answer), (.participant, .watch): return .success(message)
        case (.participant, .command), (.projector, _): return .failure(.notTheFacilitator)
        }
    }
}

/// Who a signed-in participant is, from their sign-in rather than from what they type: their
/// name and employee id, and the key that makes their every join (another tab, another device)
/// the same participant.
public struct SignedInParticipant: Sendable, Equatable {
    public var name: String
    public var employeeID: String?
    /// A rejoin key (22–64 letters, digits, `-` or `_`) that only the server knows and that is
    /// the same for each of this person's joins to one session.
    public var rejoinKey: String

    public init(name: String, employeeID: String?, rejoinKey: String) {
        self.name = name
        self.employeeID = employeeID
        self.rejoinKey = rejoinKey
    }
}

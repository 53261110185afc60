import ScenarioEngine

/// What a request to a session comes to before anything changes: the result to give, and the
/// event that carries it out, to be journaled and then applied (``GroupSession/apply(_:)``);
/// no event when nothing changes (a participant joining again with their rejoin key).
public struct SessionDecision<Value: Sendable>: Sendable {
    public let value: Value
    public let event: SessionEvent?
}

extension GroupSession {
    /// How many characters a rejoin key may have: at least 128 random bits in base 64, and no
    /// more than a page needs.
    public static let rejoinKeyLength = 22...64

    // MARK: Decisions (nothing changes)

    /// A join: the participant the rejoin key already names, when the same name is typed again
    /// (ignoring case; nothing changes), or a new participant with a token from `generator`, whose
    /// event joins them. Another name with the same key is someone else sharing the device: a new
    /// participant, whom the key names from then on. A rejoin key that is not ``rejoinKeyLength``
    /// letters, digits, `-` or `_` is not kept.
    public func decideJoin(
        code: String, name: String, employeeID: String? = nil, rejoinKey: SessionSecret? = nil,
        using generator: inout some RandomNumberGenerator
    ) -> Result<SessionDecision<Participant>, Refusal> {
        guard joinCode.matches(code) else { return .failure(.wrongCode) }
        guard phase != .ended else { return .failure(.sessionEnded) }
        let rejoinKey = rejoinKey.flatMap { Self.isWellFormedRejoinKey($0) ? $0 : nil }
        if let rejoinKey, let participant = participant(withRejoinKey: rejoinKey),
            case .success(let typed) = ParticipantText.name(name), typed.lowercased() == participant.name.lowercased()
        {
            return .success(SessionDecision(value: participant, event: nil))
        }
        let checked: (name: String, employeeID: String?)
        switch (ParticipantText.name(name), ParticipantText.employeeID(employeeID)) {
        case (.success(let name), .success(let employeeID)): checked = (name, employeeID)
        case (.failure(let problem), _), (_, .failure(let problem)): return .failure(.unacceptableText(problem))
        }
        let participant = Participant(
            id: joinedCount + 1, name: checked.name, employeeID: checked.employeeID, token: SessionSecret(using: &generator),
            rejoinKey: rejoinKey)
        return decided(participant, by: .joined(participant))
    }

    /// An answer by the participant holding `token` to the open question (plan index
    /// `question`). A participant may change its answer until the reveal.
    public func decideAnswer(token: SessionSecret, question: Int, option: OptionID) -> Result<
        SessionDecision<Void>, Refusal
    > {
        guard let participant = participant(with: token) else {
            return .failure(wasRemoved(token) ? .removed : .unknownParticipant)
        }
        return decided((), by: .answered(participant: participant.id, question: question, option: option))
    }

    /// The removal of participant `id` (the number on the roster) by the facilitator (`secret`):
    /// their answers are dropped, so no record is written for them, and their token no longer
    /// resumes or answers.
    public func decideRemoval(of id: Int, secret: SessionSecret) -> Result<SessionDecision<Participant>, Refusal> {
        guard secret == facilitatorSecret else { return .failure(.notTheFacilitator) }
        guard let participant = participants.first(where: { $0.id == id }) else {
            return .failure(phase == .ended ? .sessionEnded : .noSuchParticipant)
        }
        return decided(participant, by: .removed(participant: id))
    }

    /// A facilitator command, if `secret` is the facilitator's; its value is the phase it leads to.
    public func decide(_ command: Command, secret: SessionSecret) -> Result<SessionDecision<Phase>, Refusal> {
        guard secret == facilitatorSecret else { return .failure(.notTheFacilitator) }
        return phase(after: command).flatMap { decided($0, by: .command(command)) }
    }

    private func decided<Value>(_ value: Value, by event: SessionEvent) -> Result<SessionDecision<Value>, Refusal> {
        if let refusal = refusal(of: event) { return .failure(refusal) }
        return .success(SessionDecision(value: value, event: event))
    }

    static func isWellFormedRejoinKey(_ key: SessionSecret) -> Bool {
        rejoinKeyLength.contains(key.text.count)
            && key.text.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
            }
    }

    // MARK: Decided and applied at once (no journal)

    /// Adds a participant (or finds the one `rejoinKey` names), or says why not. The returned
    /// participant carries its token.
    public mutating func join(
        code: String, name: String, employeeID: String? = nil, rejoinKey: SessionSecret? = nil,
        using generator: inout some RandomNumberGenerator
    ) -> Result<Participant, Refusal> {
        carryOut(decideJoin(code: code, name: name, employeeID: employeeID, rejoinKey: rejoinKey, using: &generator))
    }

    /// Records `option` as the answer of the participant holding `token` to the open question.
    public mutating func answer(token: SessionSecret, question: Int, option: OptionID) -> Result<Void, Refusal> {
        carryOut(decideAnswer(token: token, question: question, option: option))
    }

    /// Removes participant `id` if `secret` is the facilitator's (see ``decideRemoval(of:secret:)``).
    public mutating func remove(participant id: Int, secret: SessionSecret) -> Result<Participant, Refusal> {
        carryOut(decideRemoval(of: id, secret: secret))
    }

    /// Carries out a facilitator command if `secret` is the facilitator's.
    public mutating func perform(_ command: Command, secret: SessionSecret) -> Result<Phase, Refusal> {
        carryOut(decide(command, secret: secret))
    }

    private mutating func carryOut<Value>(_ decision: Result<SessionDecision<Value>, Refusal>) -> Result<Value, Refusal> {
        decision.flatMap { decision in
            guard let event = decision.event else { return .success(decision.value) }
            return apply(event).map { decision.value }
        }
    }
}

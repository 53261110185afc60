import ProtocolEngine
import Training

extension GroupSession {
    /// What the session's journal starts with: everything that makes this same session again.
    public var creation: SessionCreation {
        SessionCreation(
            id: id, facilitator: facilitator, joinCode: joinCode, facilitatorSecret: facilitatorSecret,
            projectorKey: projectorKey, capacity: capacity, plan: PlanIdentity(plan))
    }

    /// The session a journal's `events` make, over `plan` (rebuilt from the content named by the
    /// first event, ``SessionEvent/created(_:)``): the same join code, secrets, participants with
    /// their tokens, answers and phase as when the last event was kept. Each event goes through
    /// ``apply(_:)``, as it did live.
    public init(replaying events: [SessionEvent], plan: TrainingPlan) throws(SessionReplayError) {
        guard case .created(let creation) = events.first else { throw SessionReplayError(event: 1, problem: .notStarted) }
        let expected = PlanIdentity(plan)
        guard creation.plan == expected else {
            throw SessionReplayError(event: 1, problem: .planDiffers(creation.plan.difference(from: expected)))
        }
        self.init(
            id: creation.id, facilitator: creation.facilitator, plan: plan, capacity: creation.capacity,
            joinCode: creation.joinCode, facilitatorSecret: creation.facilitatorSecret, projectorKey: creation.projectorKey)
        for (index, event) in events.enumerated().dropFirst() {
            if case .joined(let participant) = event, participant.id <= joinedCount || hasSeen(participant.token) {
                throw SessionReplayError(event: index + 1, problem: .participantAgain(participant.id))
            }
            if case .failure(let refusal) = apply(event) {
                throw SessionReplayError(event: index + 1, problem: .refused(refusal))
            }
        }
    }

    /// Whether `token` is a participant's, or was one the facilitator removed.
    private func hasSeen(_ token: SessionSecret) -> Bool {
        participant(with: token) != nil || wasRemoved(token)
    }
}

extension PlanIdentity {
    /// The identity of `plan`: its county, seed, vignettes, and questions with their options in
    /// order.
    public init(_ plan: TrainingPlan) {
        self.init(
            jurisdiction: plan.jurisdiction, seed: plan.seed, vignettes: plan.vignettes,
            questions: plan.questions.map(QuestionIdentity.init))
    }

    /// The first way `other` differs from this identity, in words.
    func difference(from other: PlanIdentity) -> String {
        if jurisdiction != other.jurisdiction { return "the county is \(other.jurisdiction), not \(jurisdiction)" }
        if vignettes != other.vignettes {
            return "the vignettes drawn are \(other.vignettes.map(\.rawValue).joined(separator: ", ")), "
                + "not \(vignettes.map(\.rawValue).joined(separator: ", "))"
        }
        for (number, (kept, rebuilt)) in zip(questions, other.questions).enumerated() where kept != rebuilt {
            return
                "question \(number + 1) is \(rebuilt.id) with options \(rebuilt.options.map(\.rawValue).joined(separator: ", ")), "
                + "not \(kept.id) with options \(kept.options.map(\.rawValue).joined(separator: ", "))"
        }
        return "it has \(other.questions.count) questions, not \(questions.count)"
    }
}

/// Why a journal's events do not make a session: which event (from 1) and what is wrong with it.
public struct SessionReplayError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Problem: Sendable, Equatable {
        /// The first event is not the session's start.
        case notStarted
        /// The plan rebuilt from the content is not the one the session asked (the content changed).
        case planDiffers(String)
        /// A participant number or token joins a second time.
        case participantAgain(Int)
        /// The event cannot happen to the session as the events before it made it.
        case refused(Refusal)
    }

    /// The event's number in the journal, from 1.
    public var event: Int
    public var problem: Problem

    public init(event: Int, problem: Problem) {
        self.event = event
        self.problem = problem
    }

    public var description: String {
        switch problem {
        case .notStarted: "event \(event) is not the session's start: this is not a session journal, or its start is lost"
        case .planDiffers(let difference):
            "the training content changed since the session started (\(difference)): "
                + "resume with the content the session started with"
        case .participantAgain(let id): "event \(event): participant \(id) joins a second time"
        case .refused(let refusal): "event \(event) cannot happen where it is: \(refusal.description)"
        }
    }
}

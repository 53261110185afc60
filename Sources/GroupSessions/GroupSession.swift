import ProtocolEngine
import ScenarioEngine
import Scoring
import Training

/// A trainer-led session as a value-type state machine: participants join with the code, the
/// facilitator moves through the plan's questions (`next`, `reveal`, `end`), and each
/// participant answers the open question for itself. It knows nothing of networks, pages or
/// clocks; the session server (and its tests) drive it.
///
/// Every change is an event (``SessionEvent``): a request is first decided (``decideJoin(code:name:employeeID:rejoinKey:using:)``
/// and the others: nothing changes), then its event is applied (``apply(_:)``), so that a
/// journal of the events replays to the same session (``init(replaying:plan:)``).
///
/// Sensitive by design: no speed points and no leaderboard; the room sees only anonymous counts
/// per option (``distribution(of:)``).
public struct GroupSession: Sendable, Equatable {
    public let id: String
    public let joinCode: JoinCode
    public let facilitator: String
    public let plan: TrainingPlan
    /// How many may be in the session at once; joins beyond it are refused.
    public let capacity: Int
    let facilitatorSecret: SessionSecret
    /// What the projector view shows with (the console prints it in the projector's address).
    let projectorKey: SessionSecret
    public private(set) var phase: Phase = .lobby
    public private(set) var participants: [Participant] = []
    /// Each token's participant: answers find theirs at once.
    private var byToken: [SessionSecret: Participant] = [:]
    /// Each rejoin key's participant: a page that joins again with its key is that participant.
    private var byRejoinKey: [SessionSecret: Participant] = [:]
    /// The tokens of participants the facilitator removed: they cannot resume or answer.
    private var removedTokens: Set<SessionSecret> = []
    /// The highest participant number given: the next to join gets the one after.
    private(set) var joinedCount = 0
    /// The answers to each question (by plan index), by participant id.
    private var answers: [Int: [Int: OptionID]] = [:]

    public enum Phase: Sendable, Equatable {
        case lobby
        /// The question at this plan index is open for answers.
        case asking(Int)
        /// Its answer, step, citation and reason are shown; no more answers.
        case revealed(Int)
        case ended
    }

    /// Enough for a whole school's staff meeting.
    public static let defaultCapacity = 500

    /// A new session over `plan` for up to `capacity` participants; its join code, facilitator
    /// secret and projector key come from `generator`.
    public init(
        id: String, facilitator: String, plan: TrainingPlan, capacity: Int = defaultCapacity,
        using generator: inout some RandomNumberGenerator
    ) {
        self.init(
            id: id, facilitator: facilitator, plan: plan, capacity: capacity, joinCode: JoinCode(using: &generator),
            facilitatorSecret: SessionSecret(using: &generator), projectorKey: SessionSecret(using: &generator))
    }

    init(
        id: String, facilitator: String, plan: TrainingPlan, capacity: Int, joinCode: JoinCode,
        facilitatorSecret: SessionSecret, projectorKey: SessionSecret
    ) {
        self.id = id
        self.facilitator = facilitator
        self.plan = plan
        self.capacity = capacity
        self.joinCode = joinCode
        self.facilitatorSecret = facilitatorSecret
        self.projectorKey = projectorKey
    }

    /// The secret the facilitator's console holds. Only the process that made the session asks.
    public var secretForFacilitator: SessionSecret { facilitatorSecret }

    /// The key the projector view needs to follow the room (it shows the join code and the
    /// counts). Only the process that made the session asks, to print the projector's address.
    public var keyForProjector: SessionSecret { projectorKey }

    /// Whether `key` lets a page follow the room as the projector: the projector key or the
    /// facilitator's secret. Anyone else gets no join code and no counts.
    public func mayWatch(with key: SessionSecret) -> Bool {
        key == projectorKey || key == facilitatorSecret
    }

    public var currentQuestion: Question? {
        switch phase {
        case .asking(let index), .revealed(let index): plan.questions[index]
        case .lobby, .ended: nil
        }
    }

    // MARK: Participants

    /// The participant a token belongs to: how a reconnecting participant resumes.
    public func participant(with token: SessionSecret) -> Participant? {
        byToken[token]
    }

    /// The participant whose page keeps `rejoinKey`, if they are still in the session.
    public func participant(withRejoinKey rejoinKey: SessionSecret) -> Participant? {
        byRejoinKey[rejoinKey]
    }

    /// Whether `token` was a participant's whom the facilitator removed.
    public func wasRemoved(_ token: SessionSecret) -> Bool { removedTokens.contains(token) }

    // MARK: Answers

    /// How many chose each option of question `index`, in the options' order; no names.
    public func distribution(of index: Int) -> [(option: OptionID, count: Int)] {
        var counts: [OptionID: Int] = [:]
        for option in (answers[index] ?? [:]).values { counts[option, default: 0] += 1 }
        return plan.questions[index].options.map { ($0.id, counts[$0.id] ?? 0) }
    }

    /// How many have answered question `index`.
    public func answerCount(of index: Int) -> Int { answers[index]?.count ?? 0 }

    /// What participant `id` chose for question `index`, if they answered it.
    public func chosen(by id: Int, question index: Int) -> OptionID? { answers[index]?[id] }

    // MARK: The facilitator

    public enum Command: String, Sendable, CaseIterable {
        case next, reveal, end
    }

    /// The phase `command` leads to from this one, or why it cannot be carried out now.
    func phase(after command: Command) -> Result<Phase, Refusal> {
        switch (command, phase) {
        case (_, .ended): .failure(.sessionEnded)
        case (.next, .lobby): plan.questions.isEmpty ? .failure(.noMoreQuestions) : .success(.asking(0))
        case (.next, .revealed(let index)):
            index + 1 < plan.questions.count ? .success(.asking(index + 1)) : .failure(.noMoreQuestions)
        case (.next, .asking): .failure(.revealFirst)
        case (.reveal, .asking(let index)): .success(.revealed(index))
        case (.reveal, _): .failure(.questionNotOpen)
        case (.end, _): .success(.ended)
        }
    }

    // MARK: Events

    /// Why `event` cannot happen to the session as it is now, or nil when it can. The live
    /// session's decisions and the replay of a journal both check with it.
    public func refusal(of event: SessionEvent) -> Refusal? {
        switch event {
        case .created(let creation):
            // Its own start changes nothing; another session's start cannot apply to it.
            return creation == self.creation ? nil : .otherSession
        case .joined(let participant):
            guard phase != .ended else { return .sessionEnded }
            guard participants.count < capacity else { return .sessionFull(capacity: capacity) }
            if case .failure(let problem) = ParticipantText.name(participant.name) { return .unacceptableText(problem) }
            if case .failure(let problem) = ParticipantText.employeeID(participant.employeeID) {
                return .unacceptableText(problem)
            }
            return nil
        case .answered(let id, let question, let option):
            guard participants.contains(where: { $0.id == id }) else { return .unknownParticipant }
            guard case .asking(let open) = phase, open == question else { return .questionNotOpen }
            return plan.questions[open].option(option) == nil ? .noSuchOption : nil
        case .removed(let id):
            guard phase != .ended else { return .sessionEnded }
            return participants.contains { $0.id == id } ? nil : .noSuchParticipant
        case .command(let command):
            if case .failure(let refusal) = phase(after: command) { return refusal }
            return nil
        }
    }

    /// Changes the session by `event`: the one place its state changes, whether the event was
    /// just decided live (``decideJoin(code:name:employeeID:rejoinKey:using:)`` and the others)
    /// or is replayed from a journal. An event that does not fit (``refusal(of:)``) changes
    /// nothing and says why.
    @discardableResult
    public mutating func apply(_ event: SessionEvent) -> Result<Void, Refusal> {
        if let refusal = refusal(of: event) { return .failure(refusal) }
        switch event {
        case .created:
            break
        case .joined(let participant):
            joinedCount = max(joinedCount, participant.id)
            byToken[participant.token] = participant
            if let key = participant.rejoinKey { byRejoinKey[key] = participant }
            participants.append(participant)
        case .answered(let id, let question, let option):
            answers[question, default: [:]][id] = option
        case .removed(let id):
            guard let index = participants.firstIndex(where: { $0.id == id }) else { break }
            let participant = participants.remove(at: index)
            byToken[participant.token] = nil
            if let key = participant.rejoinKey, byRejoinKey[key]?.id == id { byRejoinKey[key] = nil }
            removedTokens.insert(participant.token)
            for question in answers.keys { answers[question]?[id] = nil }
        case .command(let command):
            if case .success(let next) = phase(after: command) { phase = next }
        }
        return .success(())
    }

    /// The option recorded for a question asked but not answered: it counts as a wrong answer.
    public static let unanswered = OptionID("none")

    /// Each participant's answers to every question asked, in plan order; a question asked but
    /// not answered counts as a wrong answer (``unanswered``).
    public func attempts() -> [(participant: Participant, answers: [AnsweredQuestion])] {
        let asked: Int =
            switch phase {
            case .lobby: 0
            case .asking(let index), .revealed(let index): index + 1
            case .ended: answers.keys.max().map { $0 + 1 } ?? 0
            }
        return participants.map { participant in
            let answered = (0..<min(asked, plan.questions.count)).map { index in
                AnsweredQuestion(
                    question: plan.questions[index], chosen: answers[index]?[participant.id] ?? Self.unanswered)
            }
            return (participant, answered)
        }
    }
}

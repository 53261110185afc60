import ProtocolEngine
import ScenarioEngine
import Scoring
import Training

/// A trainer-led session as a value-type state machine: participants join with the code, the
/// facilitator moves through the plan's questions (`next`, `reveal`, `end`), and each
/// participant answers the open question for itself. It knows nothing of networks, pages or
/// clocks; the session server (and its tests) drive it.
///
/// Sensitive by design: no speed points and no leaderboard; the room sees only anonymous counts
/// per option (``distribution(of:)``).
public struct GroupSession: Sendable {
    public let id: String
    public let joinCode: JoinCode
    public let facilitator: String
    public let plan: TrainingPlan
    /// How many may be in the session at once; joins beyond it are refused.
    public let capacity: Int
    private let facilitatorSecret: SessionSecret
    /// What the projector view shows with (the console prints it in the projector's address).
    private let projectorKey: SessionSecret
    public private(set) var phase: Phase = .lobby
    public private(set) var participants: [Participant] = []
    /// Each token's participant: answers find theirs at once.
    private var byToken: [SessionSecret: Participant] = [:]
    /// The tokens of participants the facilitator removed: they cannot resume or answer.
    private var removedTokens: Set<SessionSecret> = []
    private var joinedCount = 0
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
        self.id = id
        self.facilitator = facilitator
        self.plan = plan
        self.capacity = capacity
        joinCode = JoinCode(using: &generator)
        facilitatorSecret = SessionSecret(using: &generator)
        projectorKey = SessionSecret(using: &generator)
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

    /// Adds a participant, or says why not. The returned participant carries its token.
    public mutating func join(
        code: String, name: String, employeeID: String? = nil, using generator: inout some RandomNumberGenerator
    ) -> Result<Participant, Refusal> {
        guard joinCode.matches(code) else { return .failure(.wrongCode) }
        guard phase != .ended else { return .failure(.sessionEnded) }
        guard participants.count < capacity else { return .failure(.sessionFull(capacity: capacity)) }
        let checked: (name: String, employeeID: String?)
        switch (ParticipantText.name(name), ParticipantText.employeeID(employeeID)) {
        case (.success(let name), .success(let employeeID)): checked = (name, employeeID)
        case (.failure(let problem), _), (_, .failure(let problem)): return .failure(.unacceptableText(problem))
        }
        joinedCount += 1
        let participant = Participant(
            id: joinedCount, name: checked.name, employeeID: checked.employeeID, token: SessionSecret(using: &generator))
        byToken[participant.token] = participant
        participants.append(participant)
        return .success(participant)
    }

    /// The participant a token belongs to: how a reconnecting participant resumes.
    public func participant(with token: SessionSecret) -> Participant? {
        byToken[token]
    }

    /// Whether `token` was a participant's whom the facilitator removed.
    public func wasRemoved(_ token: SessionSecret) -> Bool { removedTokens.contains(token) }

    /// Removes participant `id` (the number on the roster) if `secret` is the facilitator's:
    /// their answers are dropped, so no record is written for them, and their token no longer
    /// resumes or answers.
    public mutating func remove(participant id: Int, secret: SessionSecret) -> Result<Participant, Refusal> {
        guard secret == facilitatorSecret else { return .failure(.notTheFacilitator) }
        guard phase != .ended else { return .failure(.sessionEnded) }
        guard let index = participants.firstIndex(where: { $0.id == id }) else { return .failure(.noSuchParticipant) }
        let participant = participants.remove(at: index)
        byToken[participant.token] = nil
        removedTokens.insert(participant.token)
        for question in answers.keys { answers[question]?[id] = nil }
        return .success(participant)
    }

    // MARK: Answers

    /// Records `option` as the answer of the participant holding `token` to the open question
    /// (plan index `question`). A participant may change its answer until the reveal.
    public mutating func answer(token: SessionSecret, question: Int, option: OptionID) -> Result<Void, Refusal> {
        guard let participant = participant(with: token) else {
            return .failure(wasRemoved(token) ? .removed : .unknownParticipant)
        }
        guard case .asking(let open) = phase, open == question else { return .failure(.questionNotOpen) }
        guard plan.questions[open].option(option) != nil else { return .failure(.noSuchOption) }
        answers[open, default: [:]][participant.id] = option
        return .success(())
    }

    /// How many chose each option of question `index`, in the options' order; no names.
    public func distribution(of index: Int) -> [(option: OptionID, count: Int)] {
        var counts: [OptionID: Int] = [:]
        for option in (answers[index] ?? [:]).values { counts[option, default: 0] += 1 }
        return plan.questions[index].options.map { ($0.id, counts[$0.id] ?? 0) }
    }

    /// How many have answered question `index`.
    public func answerCount(of index: Int) -> Int { answers[index]?.count ?? 0 }

    // MARK: The facilitator

    public enum Command: String, Sendable, CaseIterable {
        case next, reveal, end
    }

    /// Carries out a facilitator command if `secret` is the facilitator's.
    public mutating func perform(_ command: Command, secret: SessionSecret) -> Result<Phase, Refusal> {
        guard secret == facilitatorSecret else { return .failure(.notTheFacilitator) }
        switch (command, phase) {
        case (_, .ended):
            return .failure(.sessionEnded)
        case (.next, .lobby):
            guard !plan.questions.isEmpty else { return .failure(.noMoreQuestions) }
            phase = .asking(0)
        case (.next, .revealed(let index)):
            guard index + 1 < plan.questions.count else { return .failure(.noMoreQuestions) }
            phase = .asking(index + 1)
        case (.next, .asking):
            return .failure(.revealFirst)
        case (.reveal, .asking(let index)):
            phase = .revealed(index)
        case (.reveal, _):
            return .failure(.questionNotOpen)
        case (.end, _):
            phase = .ended
        }
        return .success(phase)
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

import Foundation
import GroupSessions
import ProtocolEngine
import Records
import ScenarioEngine
import Scoring
import Training

/// One live room: the group session and the pages connected to it. Every change goes through
/// the room, one at a time, and is sent to the pages that should see it: participants get the
/// questions and reveals; projector views also get the anonymous counts.
public actor SessionRoom {
    public private(set) var session: GroupSession
    private var generator: any RandomNumberGenerator & Sendable
    private var connections: [Int: Connection] = [:]
    private var nextConnection = 0
    private var joinLimiter = JoinLimiter()
    private let uptime: @Sendable () -> Duration
    private let sleep: @Sendable (Duration) async -> Void
    /// How each participant's phone is told their own outcome at the end (nil: it is not told).
    private let policy: ScoringPolicy?
    /// Where each change is kept before it is acknowledged (nil: kept in memory only).
    private let journal: (any SessionJournal)?

    /// Wrong join codes one connection may send before it is closed.
    public static let wrongCodesPerConnection = 5

    private struct Connection {
        /// The device's network address, when known: wrong codes are limited per address too.
        var address: String?
        var participant: Int?
        var watches = false
        var wrongCodes = 0
        let outbox: AsyncStream<String>.Continuation
    }

    /// `uptime` is the time since any fixed start (the join limiter's clock); `sleep` waits that
    /// long on it (a join from an address that sent many wrong codes waits for its turn). With a
    /// `policy`, each participant's page is told at the end whether they passed, scored as their
    /// completion record is.
    /// `journal` keeps every join, answer, removal and command before it is acknowledged, so that
    /// a session replayed from it after a crash has everything acknowledged.
    public init(
        session: GroupSession, generator: any RandomNumberGenerator & Sendable, policy: ScoringPolicy? = nil,
        uptime: @escaping @Sendable () -> Duration = SessionRoom.systemUptime(),
        sleep: @escaping @Sendable (Duration) async -> Void = { try? await Task.sleep(for: $0) },
        journal: (any SessionJournal)? = nil
    ) {
        self.session = session
        self.generator = generator
        self.uptime = uptime
        self.sleep = sleep
        self.policy = policy
        self.journal = journal
    }

    /// The time since this call, by the system's monotonic clock.
    public static func systemUptime() -> @Sendable () -> Duration {
        let start = ContinuousClock.now
        return { ContinuousClock.now - start }
    }

    /// A new page from the device at `address` (nil: unknown): its id, and the messages to
    /// send it, as JSON text (the stream ends when the room closes it).
    public func connect(from address: String? = nil) -> (id: Int, messages: AsyncStream<String>) {
        nextConnection += 1
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(64))
        connections[nextConnection] = Connection(address: address, outbox: continuation)
        return (nextConnection, stream)
    }

    public func disconnect(_ id: Int) {
        connections.removeValue(forKey: id)?.outbox.finish()
    }

    public var participantCount: Int { session.participants.count }

    // MARK: Messages from pages

    public func receive(_ message: ClientMessage, from id: Int) async {
        guard connections[id] != nil else { return }
        switch message {
        case .join(let code, let name, let employeeID, let rejoinKey):
            await join(id, code: code, name: name, employeeID: employeeID, rejoinKey: rejoinKey.map(SessionSecret.init))
        case .resume(let token):
            let token = SessionSecret(text: token)
            guard let participant = session.participant(with: token) else {
                return send(.refused(session.wasRemoved(token) ? .removed : .unknownParticipant), to: id)
            }
            attach(id, participant)
        case .answer(let token, let question, let option):
            let decision = session.decideAnswer(token: SessionSecret(text: token), question: question, option: OptionID(option))
            switch await carryOut(decision, then: sendCounts) {
            case .success:
                // What the session holds now: a later answer may have replaced this one meanwhile.
                if let participant = session.participant(with: SessionSecret(text: token)) {
                    send(answered(by: participant.id, question: question) ?? ServerMessage(type: .answered), to: id)
                }
            case .failure(let refusal):
                send(.refused(refusal), to: id)
            }
        case .watch(let key):
            guard session.mayWatch(with: SessionSecret(text: key)) else { return send(.refused(.notTheProjector), to: id) }
            connections[id]?.watches = true
            for message in stateMessages(forWatcher: true) { send(message, to: id) }
        case .command(let secret, let command):
            guard let command = GroupSession.Command(rawValue: command) else { return send(.refused(.notTheFacilitator), to: id) }
            if case .failure(let refusal) = await perform(command, secret: SessionSecret(text: secret)) {
                send(.refused(refusal), to: id)
            }
        }
    }

    /// A page sent something its role does not allow (``PageRole``): it is told why.
    public func refuse(_ refusal: Refusal, to id: Int) {
        send(.refused(refusal), to: id)
    }

    /// A page sent something that is not a message (or too large): it is told so.
    public func receivedJunk(from id: Int) {
        var message = ServerMessage(type: .refused)
        message.reason = "That message was not understood."
        send(message, to: id)
    }

    // MARK: The facilitator

    /// Carries out a facilitator command and tells every page what changed.
    @discardableResult
    public func perform(_ command: GroupSession.Command, secret: SessionSecret) async -> Result<GroupSession.Phase, Refusal> {
        let result = await carryOut(session.decide(command, secret: secret))
        guard case .success(let phase) = result else { return result }
        switch phase {
        case .asking:
            broadcast(stateMessages(forWatcher: false), watchers: stateMessages(forWatcher: true))
        case .revealed(let index):
            // Pages already show the question: the reveal alone (and the final counts).
            var reveal = ServerMessage(type: .reveal)
            reveal.reveal = .init(session.plan.questions[index], index: index)
            broadcast([reveal], watchers: [reveal, counts(of: index)])
        case .ended:
            sendEnded()
            for connection in connections.values { connection.outbox.finish() }
            connections.removeAll()
        case .lobby:
            break
        }
        return result
    }

    /// Removes participant `participant` (the roster's number): their pages are told and closed,
    /// and the room's counts change.
    @discardableResult
    public func remove(participant: Int, secret: SessionSecret) async -> Result<Participant, Refusal> {
        let result = await carryOut(session.decideRemoval(of: participant, secret: secret))
        guard case .success(let removed) = result else { return result }
        for (id, connection) in connections where connection.participant == removed.id {
            send(.refused(.removed), to: id)
            disconnect(id)
        }
        if session.phase == .lobby { sendLobby() } else { sendCounts() }
        return result
    }

    // MARK: Helpers

    /// The end to every page: the projector's, and each participant's with their own outcome.
    private func sendEnded() {
        let ended = Self.encoded(ServerMessage(type: .ended))
        var outcomes: [Int: String] = [:]
        if let policy {
            let planned = session.plan.questions.count
            for (participant, answers) in session.attempts() {
                let score = ScoreSummary.groupSession(answers, policy: policy, planned: planned)
                var message = ServerMessage(type: .ended)
                message.outcome = .init(passed: score.passed, percent: score.percent, reasons: score.reasons)
                outcomes[participant.id] = Self.encoded(message)
            }
        }
        for connection in connections.values {
            if connection.watches {
                connection.outbox.yield(ended)
            } else if let participant = connection.participant {
                connection.outbox.yield(outcomes[participant] ?? ended)
            }
        }
    }

    private func join(_ id: Int, code: String, name: String, employeeID: String?, rejoinKey: SessionSecret?) async {
        guard connections[id]?.participant == nil else { return send(.refused(.alreadyJoined), to: id) }
        // Loopback is not limited: behind a reverse proxy every device would share its address.
        let address = connections[id]?.address.flatMap { Self.isLoopback($0) ? nil : $0 }
        if let address {
            let now = uptime()
            let turn = joinLimiter.takeCheck(from: address, at: now)
            if turn > now {
                await sleep(turn - now)
                guard connections[id] != nil else { return }
            }
        }
        // While this join waited, the page may have joined with another message.
        guard connections[id]?.participant == nil else { return send(.refused(.alreadyJoined), to: id) }
        let decision = session.decideJoin(
            code: code, name: name, employeeID: employeeID, rejoinKey: rejoinKey, using: &generator)
        switch await carryOut(decision) {
        case .success(let participant):
            attach(id, participant)
            sendLobby()
        case .failure(let refusal):
            send(.refused(refusal), to: id)
            if refusal == .wrongCode {
                if let address { joinLimiter.recordWrongCode(from: address, at: uptime()) }
                connections[id]?.wrongCodes += 1
                if (connections[id]?.wrongCodes ?? 0) >= Self.wrongCodesPerConnection { disconnect(id) }
            }
        }
    }

    private func attach(_ id: Int, _ participant: Participant) {
        connections[id]?.participant = participant.id
        var joined = ServerMessage(type: .joined)
        joined.participant = participant.id
        joined.name = participant.name
        joined.token = participant.token.text
        send(joined, to: id)
        for message in stateMessages(forWatcher: false, participant: participant.id) { send(message, to: id) }
    }

    /// Journals the decided event, applies it, runs `applied` (what may be sent before the event
    /// is saved, such as the projector's counts), and returns once the journal has saved it: only
    /// then may the change be acknowledged. Nothing changes when the journal cannot take it.
    private func carryOut<Value>(
        _ decision: Result<SessionDecision<Value>, Refusal>, then applied: () -> Void = {}
    ) async -> Result<Value, Refusal> {
        guard case .success(let decided) = decision else { return decision.map(\.value) }
        guard let event = decided.event else { return .success(decided.value) }
        let place: Int?
        do {
            place = try journal?.append(event)
        } catch {
            return .failure(.notSaved)
        }
        if case .failure(let refusal) = session.apply(event) { return .failure(refusal) }
        applied()
        if let journal, let place {
            do { try await journal.save(through: place) } catch { return .failure(.notSaved) }
        }
        return .success(decided.value)
    }

    /// What participant `id` chose for question `index`, as an `answered` message; nil before
    /// they answer it.
    private func answered(by id: Int, question index: Int) -> ServerMessage? {
        guard let chosen = session.chosen(by: id, question: index) else { return nil }
        var answered = ServerMessage(type: .answered)
        answered.chosen = chosen.rawValue
        return answered
    }

    /// What a page that arrives now must see: the lobby, or the open or revealed question (with
    /// the answer `participant` chose, for their page).
    private func stateMessages(forWatcher: Bool, participant: Int? = nil) -> [ServerMessage] {
        switch session.phase {
        case .lobby:
            return [lobbyMessage(forWatcher: forWatcher)]
        case .asking(let index), .revealed(let index):
            var question = ServerMessage(type: .question)
            question.question = .init(session.plan.questions[index], index: index, of: session.plan.questions.count)
            // The projector keeps the code in a corner: latecomers still join.
            if forWatcher { question.code = session.joinCode.text }
            var messages = [question]
            if let participant, let chosen = answered(by: participant, question: index) { messages.append(chosen) }
            if case .revealed = session.phase {
                var reveal = ServerMessage(type: .reveal)
                reveal.reveal = .init(session.plan.questions[index], index: index)
                messages.append(reveal)
            }
            if forWatcher { messages.append(counts(of: index)) }
            return messages
        case .ended:
            return [ServerMessage(type: .ended)]
        }
    }

    private func counts(of index: Int) -> ServerMessage {
        var counts = ServerMessage(type: .counts)
        counts.counts = session.distribution(of: index).map { .init(id: $0.option.rawValue, count: $0.count) }
        counts.answered = session.answerCount(of: index)
        counts.participants = session.participants.count
        return counts
    }

    private func sendCounts() {
        guard case .asking(let index) = session.phase else { return }
        let message = counts(of: index)
        for (id, connection) in connections where connection.watches { send(message, to: id) }
    }

    private func sendLobby() {
        let lobby = lobbyMessage(forWatcher: true)
        for (id, connection) in connections where connection.watches { send(lobby, to: id) }
    }

    private func lobbyMessage(forWatcher: Bool) -> ServerMessage {
        var lobby = ServerMessage(type: .lobby)
        lobby.participants = session.participants.count
        if forWatcher { lobby.code = session.joinCode.text }
        return lobby
    }

    /// Sends `watchers` to projector views and `messages` to participants; a page that has not
    /// joined gets nothing.
    private func broadcast(_ messages: [ServerMessage], watchers: [ServerMessage]) {
        // Encoded once for every page, not once per page.
        let forParticipants = messages.map(Self.encoded)
        let forWatchers = watchers.map(Self.encoded)
        for connection in connections.values {
            let outgoing = connection.watches ? forWatchers : connection.participant == nil ? [] : forParticipants
            for text in outgoing { connection.outbox.yield(text) }
        }
    }

    private static func isLoopback(_ address: String) -> Bool {
        address.hasPrefix("127.") || address == "::1" || address.hasPrefix("::ffff:127.")
    }

    /// Whether the page is still connected (the room closes pages that send too many wrong codes,
    /// and every page when the session ends).
    public func isConnected(_ id: Int) -> Bool { connections[id] != nil }

    private func send(_ message: ServerMessage, to id: Int) {
        connections[id]?.outbox.yield(Self.encoded(message))
    }

    private static func encoded(_ message: ServerMessage) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(message)) ?? Data(), as: UTF8.self)
    }
}

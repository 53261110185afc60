import ContentLoading
import Foundation
import GroupSessions
import ProtocolEngine
import Records
import Scoring
import SessionServer
import TerminalUI
import Training

/// A live group session: the server for the participants' devices and the projector, and the
/// facilitator's console at this terminal. `end`, the end of input, Ctrl-C, SIGTERM or SIGHUP
/// ends it, and every answer given is recorded.
struct LiveSession {
    let setup: SessionSetup
    let pages: WebPages
    let address: BindAddress
    let capacity: Int
    /// HTTPS and WSS with this certificate; plain HTTP without.
    var tls: SessionTLS?

    func run() throws {
        var random = SystemRandomNumberGenerator()
        let session = GroupSession(
            id: setup.sessionID, facilitator: setup.facilitator, plan: setup.plan, capacity: capacity, using: &random)
        let room = SessionRoom(session: session, generator: SystemRandomNumberGenerator(), policy: setup.training.policy)
        let addresses = joinAddresses()
        // The projector shows the address the room reaches, with its QR code (none for a placeholder).
        let pages = addresses[0].contains("<") ? pages : pages.joining(at: addresses[0])
        let limits = ConnectionLimits(capacity: capacity, openFileLimit: OpenFileLimit.raiseToHardLimit())
        let running = SessionServer.start(
            SessionServer(room: room, pages: pages, limits: limits, tls: tls).application(host: address.host, port: address.port))
        let started = Date()
        let output = setup.output
        output.write(
            """
            Group session \(session.id), \(setup.jurisdiction.name) protocol, \(setup.plan.questions.count) questions, up to \(capacity) people.
            Join at \(addresses.joined(separator: " or ")) with the code \(session.joinCode).
            Projector: \(addresses[0])present#key=\(session.keyForProjector.text)
            Commands: next, reveal, counts, roster, remove NAME-or-number, end.

            """)
        if tls == nil, !isLoopback {
            output.write(
                "Plain http on the network: anyone on it can read the code and the answers. Use --tls-cert and --tls-key, "
                    + "or a reverse proxy (docs/group-sessions.md, “Running a session over HTTPS”).\n")
        }
        var reader = standardInputLineReader(output: output)
        reader.setCompletions(["next", "reveal", "counts", "roster", "remove", "end"])
        let console = FacilitatorConsole(room: room, secret: session.secretForFacilitator, output: output)
        reader.setLiveStatus { try? console.liveCount() }
        let finish = FinishOnce { [setup] in
            _ = try? waitFor { await room.perform(.end, secret: session.secretForFacilitator) }
            try waitFor { await running.stop() }
            let ended = try waitFor { await room.session }
            try Self.writeRecords(of: ended, started: started, setup: setup)
        }
        let interrupt = InterruptToFinish(finish)
        while let line = reader.readLine(prompt: "session> ") {
            if try console.handle(line.trimmingCharacters(in: .whitespaces)) == .ended { break }
        }
        reader.setLiveStatus(nil)
        try withExtendedLifetime(interrupt) { try finish.run() }
    }

    /// The addresses devices use: this machine's own when listening on every interface, else
    /// the address listened on.
    private func joinAddresses() -> [String] {
        let (port, scheme) = (address.port, tls == nil ? "http" : "https")
        guard address.isEveryInterface else { return ["\(scheme)://\(address.urlHost):\(port)/"] }
        let found = LocalAddresses.ipv4().map { "\(scheme)://\($0):\(port)/" }
        return found.isEmpty ? ["\(scheme)://<this machine's address>:\(port)/"] : found
    }

    /// Whether only this machine can reach the server (nothing crosses the network).
    private var isLoopback: Bool {
        address.host == "localhost" || address.host.hasPrefix("127.") || address.host == "::1"
    }

    /// Writes a signed completion record per participant (mode group session), their
    /// certificates and the attendance roster, and says where they are. A session ended before
    /// its last question passes nobody: its records say so.
    private static func writeRecords(of session: GroupSession, started: Date, setup: SessionSetup) throws {
        let now = Date()
        let attendees = session.attempts().map { participant, answers in
            var record = CompletionRecord(
                id: UUID(), trainee: Trainee(name: participant.name, employeeID: participant.employeeID),
                training: setup.module, mode: .groupSession(id: session.id, facilitator: session.facilitator),
                startedAt: .local(started), completedAt: .local(now), activeSeconds: Int(now.timeIntervalSince(started)),
                answers: answers, policy: setup.training.policy)
            record.score = .groupSession(answers, policy: setup.training.policy, planned: session.plan.questions.count)
            return SessionEnding.Attendee(
                record: record,
                answered: "\(answers.filter { $0.chosen != GroupSession.unanswered }.count) of \(answers.count)")
        }
        try setup.ending.write(attendees)
    }
}

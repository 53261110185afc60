import ArgumentParser
import Completion
import ContentLoading
import Foundation
import GroupSessions
import LocalStore
import ProtocolEngine
import Records
import Scoring
import SessionServer
import TerminalUI
import Training

/// A live group session: the server for the participants' devices and the projector, and the
/// facilitator's console at this terminal. `end`, the end of input, Ctrl-C, SIGTERM or SIGHUP
/// ends it, and every answer given is recorded. Every join, answer, removal and command is kept
/// in the session's journal before it is acknowledged; a session that ended otherwise (a crash,
/// `kill -9`) is restored from it (``RestoredSession``), and a finished one's journal says so.
struct LiveSession {
    let setup: SessionSetup
    let pages: WebPages
    let address: BindAddress
    let capacity: Int
    /// HTTPS and WSS with this certificate; plain HTTP without.
    var tls: SessionTLS?
    /// The session restored from its journal; nil: a new session.
    var restored: RestoredSession?

    func run() throws {
        let lifecycle = LiveGroupSessions(dataDirectory: setup.ending.dataDirectory)
        let live =
            try restored.map { LiveGroupSession(session: $0.session, journal: $0.journal, started: $0.header.startedAt) }
            ?? newSession(lifecycle)
        let session = live.session
        let room = SessionRoom(
            session: session, generator: SystemRandomNumberGenerator(), policy: setup.training.policy, journal: live.journal)
        let addresses = address.joinAddresses(secure: tls != nil)
        // The projector shows the address the room reaches, with its QR code (none for a placeholder).
        let pages = addresses[0].contains("<") ? pages : pages.joining(at: addresses[0])
        let limits = ConnectionLimits(capacity: capacity, openFileLimit: OpenFileLimit.raiseToHardLimit())
        let running = SessionServer.start(
            SessionServer(room: room, pages: pages, limits: limits, tls: tls).application(host: address.host, port: address.port))
        let output = setup.output
        output.write(
            """
            Group session \(session.id), \(setup.jurisdiction.name) protocol, \(setup.plan.questions.count) questions, up to \(capacity) people.
            Join at \(addresses.joined(separator: " or ")) with the code \(session.joinCode).
            Projector: \(addresses[0])present#key=\(session.keyForProjector.text)
            Commands: next, reveal, counts, roster, remove NAME-or-number, end.

            """)
        if tls == nil, !address.isLoopback {
            output.write(
                "Plain http on the network: anyone on it can read the code and the answers. Use --tls-cert and --tls-key, "
                    + "or a reverse proxy (docs/group-sessions.md, “Running a session over HTTPS”).\n")
        }
        if let restored { output.write(restored.summary + "\n") }
        var reader = standardInputLineReader(output: output)
        reader.setCompletions(["next", "reveal", "counts", "roster", "remove", "end"])
        let console = FacilitatorConsole(room: room, secret: session.secretForFacilitator, output: output)
        reader.setLiveStatus { try? console.liveCount() }
        let finish = FinishOnce { [setup] in
            _ = try? waitFor { await room.perform(.end, secret: session.secretForFacilitator) }
            try waitFor { await running.stop() }
            let ended = try waitFor { await room.session }
            let report = try reportingJournalErrors {
                try waitFor { try await lifecycle.end(ended, of: live, setup: setup.group, ending: setup.ending) }
            }
            try setup.tell(report)
        }
        let interrupt = InterruptToFinish(finish)
        while session.phase != .ended, let line = reader.readLine(prompt: "session> ") {
            if try console.handle(line.trimmingCharacters(in: .whitespaces)) == .ended { break }
        }
        reader.setLiveStatus(nil)
        try withExtendedLifetime(interrupt) { try finish.run() }
    }

    /// A new session, and its journal started in the data directory.
    private func newSession(_ lifecycle: LiveGroupSessions) throws -> LiveGroupSession {
        var random = SystemRandomNumberGenerator()
        return try reportingJournalErrors {
            try lifecycle.start(
                setup.group, capacity: capacity, address: "\(address.urlHost):\(address.port)", using: &random)
        }
    }
}

/// Runs `body`, printing a session journal's error and exiting with failure if it throws one.
func reportingJournalErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as SessionJournalError {
        StandardError.print(error.description)
        throw ExitCode.failure
    }
}

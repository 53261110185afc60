import Foundation
import GroupSessions
import ProtocolEngine
import SessionServer
import TerminalUI
import Training

/// A live group session: the server for the participants' devices and the projector, and the
/// facilitator's console at this terminal. `end`, the end of input, or Ctrl-C ends it, and every
/// answer given is recorded.
struct LiveSession {
    let setup: SessionSetup
    let pages: WebPages
    let address: BindAddress

    func run() throws {
        var random = SystemRandomNumberGenerator()
        let session = GroupSession(id: setup.sessionID, facilitator: setup.facilitator, plan: setup.plan, using: &random)
        let room = SessionRoom(session: session, generator: SystemRandomNumberGenerator())
        let running = SessionServer.start(
            SessionServer(room: room, pages: pages).application(host: address.host, port: address.port))
        let started = Date()
        let output = setup.output
        let addresses = joinAddresses()
        output.write(
            """
            Group session \(session.id), \(setup.jurisdiction.name) protocol, \(setup.plan.questions.count) questions.
            Join at \(addresses.joined(separator: " or ")) with the code \(session.joinCode).
            Projector: \(addresses[0])present
            Commands: next, reveal, counts, roster, end.

            """)
        var reader = standardInputLineReader(output: output)
        reader.setCompletions(["next", "reveal", "counts", "roster", "end"])
        let console = FacilitatorConsole(room: room, secret: session.secretForFacilitator, output: output)
        reader.setLiveStatus { try? console.liveCount() }
        let finish = FinishOnce { [setup] in
            _ = try? waitFor { await room.perform(.end, secret: session.secretForFacilitator) }
            try waitFor { await running.stop() }
            let ended = try waitFor { await room.session }
            try FacilitatorConsole.finish(ended, started: started, setup: setup)
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
        let port = address.port
        guard address.isEveryInterface else { return ["http://\(address.urlHost):\(port)/"] }
        let found = LocalAddresses.ipv4().map { "http://\($0):\(port)/" }
        return found.isEmpty ? ["http://<this machine's address>:\(port)/"] : found
    }
}

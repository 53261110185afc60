import ArgumentParser
import ContentLoading
import Foundation
import GroupSessions
import Hummingbird
import ProtocolEngine
import RecordStore
import Records
import SessionServer
import Synchronization
import TerminalUI
import Training

#if canImport(Glibc)
    import Glibc
#endif

struct SessionHostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "host",
        abstract: "Host a group session: a join code for the room, a projector view, and this console.",
        discussion: """
            Participants open the printed address on their phone or laptop and join with the code; \
            the projector shows /present: the code, each question in large type, the room's \
            anonymous answer counts (no names, no speed points), and the reveal. At the console: \
            `next` opens the next question, `reveal` shows the protocol's answer, `roster` lists who \
            joined, `end` finishes the session and writes a completion record for every participant \
            (mode group session), an attendance roster (CSV) and the command for their certificates.

            The server listens on this machine only (127.0.0.1) unless --lan is given.
            """)

    @Option(help: "The jurisdiction id (see `csec-trainer protocols`).") var jurisdiction: String
    @Option(help: "How many vignettes to ask.") var count = 4
    @Option(help: "Seed for choosing the vignettes (default: random).") var seed: UInt64?
    @Option(help: "Your name, as facilitator on every record.") var facilitator: String
    @Option(help: "The port to listen on.") var port = 8080
    @Flag(help: "Listen on every network interface, so that devices on the room's network can join.") var lan = false
    @OptionGroup var data: DataOptions
    @OptionGroup var content: ContentOptions

    func run() throws {
        let directory = try content.reportingErrors { try content.locate() }
        let training = try content.reportingErrors {
            try directory.loadTrainingContent(protocolsIn: content.protocolsDirectory.map(ContentOptions.url))
        }
        guard let jurisdiction = training.library.jurisdiction(self.jurisdiction) else {
            throw ValidationError(
                "Unknown jurisdiction '\(self.jurisdiction)'. Valid ids: \(training.library.jurisdictionIDs.joined(separator: ", "))."
            )
        }
        let pages: WebPages
        do {
            pages = try WebPages(directory: directory.webDirectory)
        } catch {
            StandardError.print(error.description)
            throw ExitCode.failure
        }
        let records = try data.recordStore()
        var random = SystemRandomNumberGenerator()
        let plan = TrainingPlan(
            bank: training.vignettes, jurisdiction: jurisdiction, count: count, seed: seed ?? random.next(),
            builder: training.questionBuilder)
        let started = Date()
        let session = GroupSession(
            id: "session-\(CalendarDate(started, utcOffsetSeconds: 0))-\(UInt32.random(in: 0...UInt32.max, using: &random))",
            facilitator: facilitator, plan: plan, using: &random)
        let room = SessionRoom(session: session, generator: SystemRandomNumberGenerator())
        let server = SessionServer(room: room, pages: pages)
        let host = lan ? "0.0.0.0" : "127.0.0.1"
        let application = server.application(host: host, port: port)
        let running = SessionServer.start(application)

        let output = StandardOutput()
        output.write(
            """
            Group session \(session.id), \(jurisdiction.name) protocol, \(plan.questions.count) questions.
            Join at \(joinAddresses(host: host).joined(separator: " or ")) with the code \(session.joinCode).
            Projector: \(joinAddresses(host: host)[0])present
            Commands: next, reveal, roster, end.

            """)
        var reader: any LineReader = isatty(STDIN_FILENO) != 0 ? ReadlineLineReader() : PlainLineReader(output: output)
        reader.setCompletions(["next", "reveal", "roster", "end"])
        let console = FacilitatorConsole(room: room, secret: session.secretForFacilitator, output: output)
        // `end`, the end of input, or Ctrl-C: the session ends and every answer given is recorded.
        let finished = Mutex(false)
        let finish: @Sendable () throws -> Void = { [data] in
            guard
                !finished.withLock({ done in
                    defer { done = true }; return done
                })
            else { return }
            _ = try? waitFor { await room.perform(.end, secret: session.secretForFacilitator) }
            try waitFor { await running.stop() }
            let ended = try waitFor { await room.session }
            try FacilitatorConsole.finish(
                ended, started: started, jurisdiction: jurisdiction, training: training, records: records,
                dataDirectory: data.directory, output: output)
        }
        let interrupt = InterruptToFinish(finish)
        while let line = reader.readLine(prompt: "session> ") {
            if try console.handle(line.trimmingCharacters(in: .whitespaces)) == .ended { break }
        }
        interrupt.cancel()
        try finish()
    }

    /// The addresses devices use: this machine's own for --lan, else 127.0.0.1.
    private func joinAddresses(host: String) -> [String] {
        guard lan else { return ["http://127.0.0.1:\(port)/"] }
        let found = LocalAddresses.ipv4().map { "http://\($0):\(port)/" }
        return found.isEmpty ? ["http://<this machine's address>:\(port)/"] : found
    }
}

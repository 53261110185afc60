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
            `next` opens the next question (its count of answers per option then \
            shows live above the prompt; `counts` prints it), `reveal` shows the protocol's answer, \
            `roster` lists who joined, `end` finishes the session and writes a completion record for every participant \
            (mode group session), an attendance roster (CSV) and the command for their certificates.

            The server listens on this machine only (127.0.0.1:8080) unless --bind or --lan says \
            otherwise.

            With --offline there is no server and no network: one screen (this terminal, on the \
            projector). Type the roster (or give --roster FILE), then the room's consensus answer \
            to each question; the room sees the protocol's answer, step and citation after each. \
            Every attendee gets a record of group attendance, not individually scored, and a \
            certificate.

            Examples:
              csec-trainer session host --jurisdiction marin --facilitator "Dana Whitfield"
              csec-trainer session host --jurisdiction marin --facilitator "Dana Whitfield" --lan --port 9000
              csec-trainer session host --jurisdiction marin --facilitator "Dana Whitfield" --offline --roster staff.txt
            """)

    @Option(help: "The jurisdiction id (see `csec-trainer protocols`).") var jurisdiction: String
    @Option(help: "How many vignettes to ask.") var count = 4
    @Option(help: "Seed for choosing the vignettes (default: random).") var seed: UInt64?
    @Option(help: "Your name, as facilitator on every record.") var facilitator: String
    @Option(help: "The port to listen on (default: 8080).") var port: Int?
    @Option(help: ArgumentHelp("The address and port to listen on.", valueName: "host:port")) var bind: BindAddress?
    @Flag(help: "Listen on every network interface, so that devices on the room's network can join.") var lan = false
    @Flag(help: "One screen, no network: type the roster and the room's consensus answers.") var offline = false
    @Option(
        help: ArgumentHelp(
            "With --offline: the attendees, one per line (a name, or “name, employee id”).", valueName: "file"))
    var roster: String?
    @OptionGroup var data: DataOptions
    @OptionGroup var content: ContentOptions

    func validate() throws {
        guard count >= 1 else { throw ValidationError("--count must be at least 1.") }
        if bind != nil, lan || port != nil {
            throw ValidationError("--bind gives the address and port; leave out --lan and --port.")
        }
        if offline, bind != nil || lan || port != nil {
            throw ValidationError("--offline uses no network; leave out --bind, --lan and --port.")
        }
        if roster != nil, !offline {
            throw ValidationError("--roster is for --offline; in a live session participants join with the code.")
        }
    }

    /// Where the server listens: --bind, else --lan (every interface) or loopback, on --port.
    var address: BindAddress {
        bind ?? BindAddress(host: lan ? "0.0.0.0" : "127.0.0.1", port: port ?? 8080)
    }

    func run() throws {
        StopSignal.unblock()
        let directory = try content.reportingErrors { try content.locate() }
        let training = try content.reportingErrors {
            try directory.loadTrainingContent(protocolsIn: content.protocolsDirectory.map(ContentOptions.url))
        }
        guard let jurisdiction = training.library.jurisdiction(self.jurisdiction) else {
            throw ValidationError(
                "Unknown jurisdiction '\(self.jurisdiction)'. Valid ids: \(training.library.jurisdictionIDs.joined(separator: ", "))."
            )
        }
        let records = try data.recordStore()
        var random = SystemRandomNumberGenerator()
        let plan = TrainingPlan(
            bank: training.vignettes, jurisdiction: jurisdiction, count: count, seed: seed ?? random.next(),
            builder: training.questionBuilder)
        let started = Date()
        let sessionID =
            "session-\(CalendarDate(started, utcOffsetSeconds: 0))-\(UInt32.random(in: 0...UInt32.max, using: &random))"
        let output = StandardOutput()
        if offline {
            try hostOffline(
                sessionID: sessionID, jurisdiction: jurisdiction, training: training, plan: plan, records: records,
                output: output)
            return
        }
        let pages: WebPages
        do {
            pages = try WebPages(directory: directory.webDirectory)
        } catch {
            StandardError.print(error.description)
            throw ExitCode.failure
        }
        let session = GroupSession(id: sessionID, facilitator: facilitator, plan: plan, using: &random)
        let room = SessionRoom(session: session, generator: SystemRandomNumberGenerator())
        let server = SessionServer(room: room, pages: pages)
        let application = server.application(host: address.host, port: address.port)
        let running = SessionServer.start(application)

        output.write(
            """
            Group session \(session.id), \(jurisdiction.name) protocol, \(plan.questions.count) questions.
            Join at \(joinAddresses().joined(separator: " or ")) with the code \(session.joinCode).
            Projector: \(joinAddresses()[0])present
            Commands: next, reveal, counts, roster, end.

            """)
        var reader: any LineReader = isatty(STDIN_FILENO) != 0 ? ReadlineLineReader() : PlainLineReader(output: output)
        reader.setCompletions(["next", "reveal", "counts", "roster", "end"])
        let console = FacilitatorConsole(room: room, secret: session.secretForFacilitator, output: output)
        reader.setLiveStatus { try? console.liveCount() }
        // `end`, the end of input, or Ctrl-C: the session ends and every answer given is recorded.
        // The lock is held while the records are written, so a Ctrl-C then waits for them.
        let finished = Mutex(false)
        let finish: @Sendable () throws -> Void = { [data] in
            try finished.withLock { isFinished in
                guard !isFinished else { return }
                isFinished = true
                _ = try? waitFor { await room.perform(.end, secret: session.secretForFacilitator) }
                try waitFor { await running.stop() }
                let ended = try waitFor { await room.session }
                try FacilitatorConsole.finish(
                    ended, started: started, jurisdiction: jurisdiction, training: training, records: records,
                    dataDirectory: data.directory, output: output)
            }
        }
        let interrupt = InterruptToFinish(finish)
        while let line = reader.readLine(prompt: "session> ") {
            if try console.handle(line.trimmingCharacters(in: .whitespaces)) == .ended { break }
        }
        interrupt.cancel()
        try finish()
    }

    /// The addresses devices use: this machine's own when listening on every interface, else
    /// the address listened on.
    private func joinAddresses() -> [String] {
        let port = address.port
        guard address.host == "0.0.0.0" else { return ["http://\(address.urlHost):\(port)/"] }
        let found = LocalAddresses.ipv4().map { "http://\($0):\(port)/" }
        return found.isEmpty ? ["http://<this machine's address>:\(port)/"] : found
    }

    /// The offline room: the roster from --roster or typed, then the room's answers at this terminal.
    private func hostOffline(
        sessionID: String, jurisdiction: JurisdictionProtocol, training: TrainingContent, plan: TrainingPlan,
        records: RecordStore, output: StandardOutput
    ) throws {
        let attendees = try roster.map(Self.readRoster) ?? []
        let environment = ProcessInfo.processInfo.environment
        let isTerminal = isatty(STDIN_FILENO) != 0
        let printer = SessionPrinter(
            width: TerminalSize.columns(environment: environment),
            style: .forTerminal(isTerminal: isatty(STDOUT_FILENO) != 0, environment: environment))
        var reader: any LineReader = isTerminal ? ReadlineLineReader() : PlainLineReader(output: output, echo: true)
        let room = OfflineRoom(
            sessionID: sessionID, facilitator: facilitator, jurisdiction: jurisdiction, training: training, plan: plan,
            ending: SessionEnding(sessionID: sessionID, records: records, dataDirectory: data.directory, output: output),
            printer: printer, output: output)
        try room.run(roster: attendees, reader: &reader)
    }

    /// The attendees in a roster file: one per line, blank lines and lines starting with # skipped.
    private static func readRoster(_ path: String) throws -> [Trainee] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ValidationError("Cannot read the roster \(path): \(error.localizedDescription)")
        }
        var attendees: [Trainee] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            guard let attendee = RosterLine.attendee(trimmed) else {
                throw ValidationError(
                    "\(path):\(number + 1): this line has no name. Write one attendee per line: “Ana Ruiz” or “Ana Ruiz, E-1042”."
                )
            }
            attendees.append(attendee)
        }
        guard !attendees.isEmpty else { throw ValidationError("The roster \(path) names nobody: one attendee per line.") }
        return attendees
    }
}

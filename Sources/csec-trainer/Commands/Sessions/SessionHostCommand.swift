import ArgumentParser
import Completion
import ContentLoading
import Foundation
import GroupSessions
import LocalStore
import ProtocolEngine
import RecordStore
import Records
import SessionServer
import TerminalUI
import Training

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
            `roster` lists who joined, `end` finishes the session. Each participant then gets a \
            signed completion record (mode group session) and, if they passed, a PDF certificate; \
            the attendance roster (CSV) lists everyone with their result. A session ended before \
            its last question passes nobody. Ctrl-C, SIGTERM and SIGHUP end the session the same way.

            The server listens on this machine only (127.0.0.1:8080) unless --bind or --lan says \
            otherwise. On the room's network, give --tls-cert and --tls-key (PEM files) to serve \
            over HTTPS, or put a reverse proxy with TLS in front (docs/group-sessions.md).

            Nothing is lost if the host stops without `end` (a crash, a power cut, `kill -9`): every \
            join, answer and command is kept, as it happens, in the session's journal in the data \
            directory (sessions/<session id>/journal.jsonl). Run `session host --resume` to restore \
            the newest unfinished session (or `--resume <session id>` for another): the same join \
            code, participants, question and answers, at the same address unless --bind, --lan or \
            --port says otherwise. The pages reconnect by themselves. A session that ended and wrote \
            its records cannot be resumed.

            With --offline there is no server and no network: one screen (this terminal, on the \
            projector). Type the roster (or give --roster FILE), then the room's consensus answer \
            to each question; the room sees the protocol's answer, step and citation after each. \
            Every attendee gets a record of group attendance, not individually scored, and, when \
            the room reached the last question, a certificate.

            Examples:
              csec-trainer session host --jurisdiction marin --facilitator "Dana Whitfield"
              csec-trainer session host --jurisdiction marin --facilitator "Dana Whitfield" --lan --port 9000
              csec-trainer session host --jurisdiction marin --facilitator "Dana Whitfield" --lan --tls-cert cert.pem --tls-key key.pem
              csec-trainer session host --jurisdiction marin --facilitator "Dana Whitfield" --offline --roster staff.txt
              csec-trainer session host --resume
              csec-trainer session host --resume session-2026-11-30-1234567890
            """)

    @Option(help: "The jurisdiction id (see `csec-trainer protocols`); needed unless --resume.") var jurisdiction: String?
    @Option(help: "How many vignettes to ask (default: 4).") var count: Int?
    @Option(help: "Seed for choosing the vignettes (default: random).") var seed: UInt64?
    @Option(help: "Your name, as facilitator on every record; needed unless --resume.") var facilitator: String?
    @Flag(help: "Restore a live session that stopped without `end` (a crash, a power cut, kill -9) from its journal.")
    var resume = false
    @Argument(
        help: ArgumentHelp(
            "With --resume: the session to restore (default: the newest unfinished one).", valueName: "session-id"))
    var sessionID: String?
    @Option(help: "The port to listen on (default: 8080).") var port: Int?
    @Option(help: ArgumentHelp("The address and port to listen on.", valueName: "host:port")) var bind: BindAddress?
    @Flag(help: "Listen on every network interface, so that devices on the room's network can join.") var lan = false
    @Flag(help: "One screen, no network: type the roster and the room's consensus answers.") var offline = false
    @Option(help: "How many people may join a live session (default: \(GroupSession.defaultCapacity)).")
    var capacity: Int?
    @Option(
        name: .customLong("tls-cert"),
        help: ArgumentHelp("Serve over HTTPS with this certificate (PEM, any intermediates after it).", valueName: "file"))
    var tlsCertificate: String?
    @Option(name: .customLong("tls-key"), help: ArgumentHelp("The certificate's private key (PEM).", valueName: "file"))
    var tlsKey: String?
    @Option(
        help: ArgumentHelp(
            "With --offline: the attendees, one per line (a name, or “name, employee id”).", valueName: "file"))
    var roster: String?
    @OptionGroup var data: DataOptions
    @OptionGroup var content: ContentOptions
    @OptionGroup var site: SiteOptions

    func validate() throws {
        try validateResuming()
        guard count ?? 1 >= 1 else { throw ValidationError("--count must be at least 1.") }
        guard capacity ?? 1 >= 1 else { throw ValidationError("--capacity must be at least 1.") }
        if bind != nil, lan || port != nil {
            throw ValidationError("--bind gives the address and port; leave out --lan and --port.")
        }
        if offline, bind != nil || lan || port != nil {
            throw ValidationError("--offline uses no network; leave out --bind, --lan and --port.")
        }
        if (tlsCertificate == nil) != (tlsKey == nil) {
            throw ValidationError("--tls-cert and --tls-key go together: give the certificate and its private key.")
        }
        if offline, tlsCertificate != nil {
            throw ValidationError("--offline uses no network; leave out --tls-cert and --tls-key.")
        }
        if roster != nil, !offline {
            throw ValidationError("--roster is for --offline; in a live session participants join with the code.")
        }
    }

    /// --resume takes what the session started with from its journal; a new session needs
    /// --jurisdiction and --facilitator.
    private func validateResuming() throws {
        if resume {
            let given = [
                ("--jurisdiction", jurisdiction != nil), ("--facilitator", facilitator != nil), ("--count", count != nil),
                ("--seed", seed != nil), ("--capacity", capacity != nil), ("--offline", offline), ("--roster", roster != nil),
            ].filter(\.1).map(\.0)
            guard given.isEmpty else {
                throw ValidationError(
                    "--resume restores the session as it started; leave out \(given.joined(separator: ", ")).")
            }
        } else {
            if sessionID != nil { throw ValidationError("A session id is for --resume: `session host --resume <session id>`.") }
            if jurisdiction == nil { throw ValidationError("Missing expected argument '--jurisdiction <jurisdiction>'") }
            if facilitator == nil { throw ValidationError("Missing expected argument '--facilitator <facilitator>'") }
        }
    }

    /// Where the server listens: --bind, else --lan (every interface) or loopback, on --port;
    /// a restored session, where it listened before unless one of those is given.
    func address(restoring restored: RestoredSession?) -> BindAddress {
        if bind == nil, !lan, port == nil, let before = restored?.header.address.flatMap(BindAddress.init(argument:)) {
            return before
        }
        return bind ?? BindAddress(host: lan ? "0.0.0.0" : "127.0.0.1", port: port ?? 8080)
    }

    func run() throws {
        StopSignal.unblock()
        let directory = try content.reportingErrors { try content.locate() }
        let training = try content.reportingErrors {
            try directory.loadTrainingContent(protocolsIn: content.protocolsDirectory.map(ContentOptions.url))
        }
        var restored: RestoredSession?
        if resume {
            restored = try reportingJournalErrors { () throws(SessionJournalError) in
                try RestoredSession(self.sessionID, journals: SessionJournals(directory: data.directory), training: training)
            }
        }
        guard let jurisdiction = restored?.jurisdiction ?? training.library.jurisdiction(self.jurisdiction ?? "") else {
            throw ValidationError(
                "Unknown jurisdiction '\(self.jurisdiction ?? "")'. Valid ids: \(training.library.jurisdictionIDs.joined(separator: ", "))."
            )
        }
        let attendees = try roster.map(Self.readRoster) ?? []
        let note = try site.materials(from: directory, library: training.library, dataDirectory: data.directory).contentNote
        StandardOutput().write(
            ContentNoteDocument(note: note).render(width: TerminalSize.columns(environment: ProcessInfo.processInfo.environment)))
        var random = SystemRandomNumberGenerator()
        let group =
            restored.map {
                GroupSessionSetup(
                    sessionID: $0.session.id, facilitator: $0.session.facilitator, jurisdiction: jurisdiction,
                    training: training, plan: $0.session.plan)
            }
            ?? .new(
                jurisdiction: jurisdiction, facilitator: facilitator ?? "", training: training, count: count ?? 4,
                seed: seed, clock: .system, using: &random)
        let setup = SessionSetup(
            group: group,
            ending: GroupSessionEnding(
                sessionID: group.sessionID, records: try data.recordRepository(),
                certificates: CertificateIssuer(key: try data.installationKey()), dataDirectory: data.directory),
            output: StandardOutput())
        if offline {
            let printer = SessionPrinter.forStandardOutput(environment: ProcessInfo.processInfo.environment)
            var reader = standardInputLineReader(output: setup.output, echo: true)
            try OfflineRoom(setup: setup, printer: printer).run(roster: attendees, reader: &reader)
        } else {
            let pages: WebPages
            let tls: SessionTLS?
            do {
                pages = try WebPages(directory: directory.webDirectory, contentNote: note)
                tls = try tlsCertificate.map { try SessionTLS(certificateFile: $0, keyFile: tlsKey ?? "") }
            } catch let error as any CustomStringConvertible & Error {
                StandardError.print(error.description)
                throw ExitCode.failure
            }
            try LiveSession(
                setup: setup, pages: pages, address: address(restoring: restored),
                capacity: restored?.session.capacity ?? capacity ?? GroupSession.defaultCapacity, tls: tls, restored: restored
            ).run()
        }
    }

    /// The attendees of a roster file (see ``AttendeeList``); exits with the file's problem, by line.
    private static func readRoster(_ path: String) throws -> [Trainee] {
        do {
            return try AttendeeList.attendees(in: String(contentsOfFile: path, encoding: .utf8), file: path)
        } catch let error as AttendeeListError {
            StandardError.print(error.description)
            throw ExitCode.failure
        } catch {
            throw ValidationError("Cannot read the roster \(path): \(FileProblem.words(for: error)).")
        }
    }
}

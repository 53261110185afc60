import ArgumentParser
import Completion
import ContentLoading
import Foundation
import LocalStore
import ProtocolEngine
import RecordStore
import Records
import Storage
import TerminalUI
import Training

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Self-paced training: read vignettes, choose the situation category and the next step.",
        discussion: """
            Each answer is scored against your county's protocol, as computed by the protocol \
            engine, with feedback that cites the protocol step. Missing flags are asked for. \
            Each answer is saved before its feedback is shown, one saved session per trainee: Ctrl-C, `quit` \
            or the end of input stops the session, and `csec-trainer train --resume` continues it \
            with no answer lost. A session runs in one process at a time.

            With standard input from a pipe, answers are read as plain lines, so sessions can be \
            scripted: printf 'Ana Ruiz\\nmarin\\nb\\na\\n' | csec-trainer train --seed 7
            """
    )

    @Option(name: .customLong("name"), help: "Your name, as it should appear on the record.") var trainee: String?
    @Option(help: "The county protocol, by id or name (see `csec-trainer protocols`).") var jurisdiction: String?
    @Option(
        help: ArgumentHelp(
            "How long: refresher (about \(SessionLength.refresherQuestions) questions) or course (\(SessionLength.courseVignettes) cases, a question at each stage). Asked at a terminal when not given.",
            valueName: "length"))
    var length: SessionLengthName?
    @Option(help: "How many vignettes to ask instead of a named length (each has one or more questions).") var count: Int?
    @Option(
        help:
            "Seed for choosing and shuffling; the same seed gives the same session (default: random, with the cases the trainee has not met first)."
    ) var seed: UInt64?
    @Flag(help: "Continue a saved session (with several, it asks whose; --name picks one).") var resume = false
    @Flag(help: "Discard a saved session and start a new one.") var restart = false
    @Flag(help: RefresherHelp.flag) var targetedRefresher = false
    @Flag(
        help:
            "A short pre-test before the briefing and the training: answers are saved without feedback, and its score, never passed or failed, shows what you knew before."
    )
    var preTest = false
    @OptionGroup(title: "Your details for the completion record") var person: PersonOptions
    @OptionGroup var data: DataOptions
    @Option(help: ArgumentHelp("Use the vignettes in this directory instead of Scenarios/.", valueName: "dir")) var scenarios:
        String?
    @OptionGroup var content: ContentOptions
    @OptionGroup(title: "The briefing before the questions") var opening: SessionOpeningOptions

    func validate() throws {
        if let count, count < 1 { throw ValidationError("--count must be at least 1.") }
        if count != nil, length != nil { throw ValidationError("Use either --length or --count, not both.") }
        if resume, restart { throw ValidationError("Use either --resume or --restart, not both.") }
        if targetedRefresher, resume || length != nil || count != nil { throw ValidationError(RefresherHelp.alone) }
        if resume, preTest { throw ValidationError("--resume continues a saved pre-test as one: leave out --pre-test.") }
    }

    func run() throws {
        StopSignal.unblock()
        let environment = ProcessInfo.processInfo.environment
        let training = try content.reportingErrors {
            try content.locate().loadTrainingContent(
                protocolsIn: content.protocolsDirectory.map(ContentOptions.url), scenariosIn: scenarios.map(ContentOptions.url))
        }
        let attempts = SelfPacedTraining(
            content: training, progress: ProgressStore(directory: data.directory), records: try data.recordRepository())
        let output = StandardOutput(pager: .forStandardOutput(environment: environment))
        let resumeCommand = ResumeCommand(options: repeatedOptions)
        let opening = try self.opening.open(content: content, library: training.library, data: data, output: output)
        var start = TrainingStart(
            training: attempts,
            prompts: OpeningPrompts(
                reader: standardInputLineReader(output: output, echo: true), output: output,
                wrapper: TextWrapper(width: TerminalSize.columns(environment: environment))))
        let attempt = try reporting(resumeCommand) { try begin(&start, library: training.library) }
        let trainee = attempt.progress.trainee
        let isPreTest = attempt.progress.purpose == .preTest
        if attempt.progress.answers.isEmpty, !isPreTest {
            opening.offerBriefing(for: attempt.jurisdiction, reader: &start.prompts.reader, output: output)
        }
        let resume = resumeCommand.text(for: trainee)
        StopSignal.install(resumeCommand: resume)

        let printer = SessionPrinter.forStandardOutput(environment: environment, resumeCommand: resume)
        output.write(printer.header(jurisdiction: attempt.jurisdiction, trainee: trainee, plan: attempt.session.plan))
        let document = ProtocolDocument(jurisdiction: attempt.jurisdiction, vocabulary: training.library.vocabulary)
        var terminal = TrainingTerminal(
            driver: attempt, reader: AnyLineReader(start.prompts.reader), output: output, printer: printer,
            protocolText: { document.render(width: printer.width) })
        terminal.purpose = attempt.progress.purpose ?? .training
        let outcome = try reporting(resumeCommand) { try terminal.run() }
        guard case .finished = outcome else { return }
        let finished = try reporting(resumeCommand) { [attempt = terminal.driver] in try waitFor { try await attempt.finish() } }
        if isPreTest {
            let next = resumeCommand.training(after: finished.record.trainee, jurisdiction: attempt.jurisdiction.id.rawValue)
            return output.write(printer.preTestSaved(file: finished.saved.location, command: next))
        }
        if finished.record.purpose == .refresher { return output.write(printer.refresherSaved(file: finished.saved.location)) }
        output.write(
            printer.recordSaved(
                file: finished.saved.location, shortID: String(finished.record.id.uuidString.lowercased().prefix(8)),
                passed: finished.record.outcome.completesTraining))
    }

    /// The saved attempt (`--resume`), or a new one from the flags, asking for what is missing.
    private func begin(_ start: inout TrainingStart, library: ProtocolLibrary) throws -> SelfPacedAttempt {
        if resume { return try start.resuming(trainee: trainee) }
        if targetedRefresher { return try startRefresher(&start, library: library) }
        return try start.starting(
            trainee: trainee, jurisdiction: try jurisdiction.map { try library.matchingJurisdiction($0) },
            person: person.trainee(named: trainee ?? ""), length: count.map(SessionLength.vignettes) ?? length?.length,
            seed: seed, restart: restart, asksForDetails: isatty(STDIN_FILENO) != 0, purpose: preTest ? .preTest : .training)
    }

    /// The options a resume hint repeats: where the session is saved, and the content that
    /// rebuilds its questions.
    private var repeatedOptions: [String] {
        [
            data.dataDir.map { ["--data-dir", $0] }, content.contentDirectory.map { ["--content", $0] },
            content.protocolsDirectory.map { ["--protocols", $0] }, scenarios.map { ["--scenarios", $0] },
        ].compactMap { $0 }.flatMap { $0 }
    }

    /// Runs `body`, printing why the attempt cannot start, go on or finish (with the command to
    /// type instead, where there is one) and exiting with failure if it says.
    private func reporting<T>(_ resumeCommand: ResumeCommand, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as AttemptError {
            switch error {
            case .nothingToResume:
                StandardError.print(error.description + " Start one with `\(resumeCommand.newSession)`.")
            case .inProgress(let trainee, _, _):
                StandardError.print(
                    error.description
                        + " Continue it with `\(resumeCommand.text(for: trainee))`, or discard it with --restart.")
            default:
                StandardError.print(error.description)
            }
            throw ExitCode.failure
        } catch let ended as OpeningPrompts.InputEnded {
            StandardError.print(ended.description)
            throw ExitCode.failure
        }
    }
}

/// `--length`: the named session lengths.
enum SessionLengthName: String, ExpressibleByArgument, CaseIterable {
    case refresher, course

    var length: SessionLength {
        switch self {
        case .refresher: .refresher
        case .course: .course
        }
    }
}

import ArgumentParser
import ContentLoading
import Foundation
import LocalStore
import ProtocolEngine
import RecordStore
import Records
import TerminalUI
import Training

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Self-paced training: read vignettes, choose the situation category and the next step.",
        discussion: """
            Each answer is scored against your county's protocol, as computed by the protocol \
            engine, with feedback that cites the protocol step. Missing flags are asked for. \
            Progress is saved after every answer: Ctrl-C, `quit` or the end of input stops the \
            session, and `csec-trainer train --resume` continues it with no answer lost.

            With standard input from a pipe, answers are read as plain lines, so sessions can be \
            scripted: printf 'Ana Ruiz\\nmarin\\nb\\na\\n' | csec-trainer train --seed 7
            """
    )

    @Option(name: .customLong("name"), help: "Your name, as it should appear on the record.") var trainee: String?
    @Option(help: "The jurisdiction id (see `csec-trainer protocols`).") var jurisdiction: String?
    @Option(help: "How many vignettes to ask (each has one or more questions).") var count = 6
    @Option(help: "Seed for choosing and shuffling; the same seed gives the same session (default: random).") var seed: UInt64?
    @Flag(help: "Continue the saved session.") var resume = false
    @Flag(help: "Discard a saved session and start a new one.") var restart = false
    @OptionGroup(title: "Your details for the completion record") var person: PersonOptions
    @OptionGroup var data: DataOptions
    @Option(help: ArgumentHelp("Use the vignettes in this directory instead of Scenarios/.", valueName: "dir")) var scenarios:
        String?
    @OptionGroup var content: ContentOptions
    @OptionGroup(title: "The briefing before the questions") var opening: SessionOpeningOptions

    func validate() throws {
        guard count >= 1 else { throw ValidationError("--count must be at least 1.") }
        if resume, restart { throw ValidationError("Use either --resume or --restart, not both.") }
    }

    func run() throws {
        StopSignal.unblock()
        let environment = ProcessInfo.processInfo.environment
        let store = ProgressStore(directory: data.directory)
        let records = try data.recordStore()
        let training = try content.reportingErrors {
            try content.locate().loadTrainingContent(
                protocolsIn: content.protocolsDirectory.map(ContentOptions.url), scenariosIn: scenarios.map(ContentOptions.url))
        }
        let output = StandardOutput()
        var reader = standardInputLineReader(output: output, echo: true)
        let opening = try self.opening.open(content: content, library: training.library, data: data, output: output)

        let progress = try reportingStoreErrors { try startingProgress(store: store, training: training, reader: &reader) }
        guard let jurisdiction = training.library.jurisdiction(progress.jurisdiction.rawValue) else {
            throw ValidationError(
                "Unknown jurisdiction '\(progress.jurisdiction)'. Valid ids: \(training.library.jurisdictionIDs.joined(separator: ", "))."
            )
        }
        if progress.answers.isEmpty { opening.offerBriefing(for: jurisdiction, reader: &reader, output: output) }
        let plan = TrainingPlan(
            bank: training.vignettes, jurisdiction: jurisdiction, count: progress.count, seed: progress.seed,
            builder: training.questionBuilder)
        var session = TrainingSession(plan: plan, policy: training.policy)
        do {
            try session.replay(progress.answers)
        } catch {
            StandardError.print("\(store.file.path): error: \(error.description)")
            throw ExitCode.failure
        }
        try reportingStoreErrors { try store.save(progress) }
        StopSignal.install()

        let printer = SessionPrinter.forStandardOutput(environment: environment)
        output.write(printer.header(jurisdiction: jurisdiction, trainee: progress.trainee, plan: plan))
        let document = ProtocolDocument(jurisdiction: jurisdiction, vocabulary: training.library.vocabulary)
        let activeTime = ActiveTime(alreadySpent: progress.activeSeconds ?? 0)
        var terminal = TrainingTerminal(
            session: session, reader: AnyLineReader(reader), output: output, printer: printer,
            protocolText: { document.render(width: printer.width) },
            save: { session in
                var saved = progress
                saved.answers = session.savedAnswers
                saved.activeSeconds = activeTime.answered()
                try store.save(saved)
            })
        let outcome = try reportingStoreErrors { try terminal.run() }
        guard case .finished = outcome else { return }
        var finished = progress
        finished.activeSeconds = activeTime.total
        let record = CompletionRecord(
            finished, answers: terminal.session.answers, jurisdiction: jurisdiction, training: training, now: Date())
        let file = try reportingStoreErrors { try records.saveOnce(record) }
        try reportingStoreErrors { try store.clear() }
        output.write(
            printer.recordSaved(
                file: file.path, shortID: String(record.id.uuidString.lowercased().prefix(8)),
                passed: record.outcome.completesTraining))
    }

    /// The saved session (`--resume`), or a new one from the flags, asking for what is missing.
    private func startingProgress(
        store: ProgressStore, training: TrainingContent, reader: inout any LineReader
    ) throws -> SessionProgress {
        let saved = try store.load()
        if resume {
            guard let saved else {
                throw ValidationError(
                    "There is no saved session to resume in \(store.directory.path). Start one with `csec-trainer train`.")
            }
            return saved
        }
        if let saved, !restart {
            throw ValidationError(
                "A session for \(saved.trainee) (\(saved.jurisdiction)) is in progress, \(saved.answers.count) answers saved. "
                    + "Continue it with `csec-trainer train --resume`, or discard it with `--restart`.")
        }
        let name = try trainee ?? ask("Your name: ", reader: &reader)
        let ids = training.library.jurisdictionIDs
        let id = try jurisdiction ?? ask("Jurisdiction (\(ids.joined(separator: ", "))): ", reader: &reader, completions: ids)
        guard ids.contains(id) else {
            throw ValidationError("Unknown jurisdiction '\(id)'. Valid ids: \(ids.joined(separator: ", ")).")
        }
        var random = SystemRandomNumberGenerator()
        return SessionProgress(
            trainee: name, jurisdiction: JurisdictionID(id), count: count, seed: seed ?? random.next(), startedAt: Date(),
            person: person.trainee(named: name))
    }

    private func ask(_ prompt: String, reader: inout any LineReader, completions: [String] = []) throws -> String {
        reader.setCompletions(completions)
        guard let line = reader.readLine(prompt: prompt)?.trimmingCharacters(in: .whitespaces), !line.isEmpty else {
            throw ValidationError(
                "No answer to “\(prompt.trimmingCharacters(in: .whitespaces))”; pass it as a flag instead (see --help).")
        }
        return line
    }

    private func reportingStoreErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            StandardError.print(error.description)
            throw ExitCode.failure
        }
    }
}

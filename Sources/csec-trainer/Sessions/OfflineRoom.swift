import ContentLoading
import Foundation
import ProtocolEngine
import RecordStore
import Records
import ScenarioEngine
import Scoring
import Synchronization
import TerminalUI
import Training

/// An offline room session: one screen (this terminal, on the projector), no network. The
/// facilitator types the roster, then the room's consensus answer to each question, and the
/// room sees the protocol's answer with its step, citation and reasons. At the end, at the end
/// of input, or on Ctrl-C, every attendee gets a record of group attendance (not individually
/// scored) and a certificate, and the roster is written.
final class OfflineRoom: Sendable {
    let sessionID: String
    let facilitator: String
    let jurisdiction: JurisdictionProtocol
    let training: TrainingContent
    let plan: TrainingPlan
    let ending: SessionEnding
    let printer: SessionPrinter
    let output: any TextOutput

    /// What the room has done so far, shared with the Ctrl-C handler.
    private struct Progress {
        var attendees: [Trainee] = []
        var answers: [AnsweredQuestion] = []
    }

    private let progress = Mutex(Progress())
    private let finishing = Mutex(false)
    private let started = Date()

    init(
        sessionID: String, facilitator: String, jurisdiction: JurisdictionProtocol, training: TrainingContent,
        plan: TrainingPlan, ending: SessionEnding, printer: SessionPrinter, output: any TextOutput
    ) {
        self.sessionID = sessionID
        self.facilitator = facilitator
        self.jurisdiction = jurisdiction
        self.training = training
        self.plan = plan
        self.ending = ending
        self.printer = printer
        self.output = output
    }

    func run(roster: [Trainee], reader: inout any LineReader) throws {
        output.write(
            """
            Offline room session \(sessionID): \(jurisdiction.name) protocol, \(plan.questions.count) questions, \
            led by \(facilitator). No network: this screen is the room's.

            """)
        var attendees = roster
        if attendees.isEmpty {
            output.write("Type each attendee on a line: a name, or “name, employee id”. An empty line ends the roster.\n")
            attendees = readRoster(reader: &reader)
        }
        guard !attendees.isEmpty else {
            output.write("No attendees were entered, so nothing was recorded.\n")
            return
        }
        progress.withLock { $0.attendees = attendees }
        output.write("\(attendees.count) attendees. Discuss each question as a room; type the room's answer.\n")
        let interrupt = InterruptToFinish { [self] in try finish() }
        defer { interrupt.cancel() }
        try askQuestions(reader: &reader)
        try finish()
    }

    private func readRoster(reader: inout any LineReader) -> [Trainee] {
        var attendees: [Trainee] = []
        reader.setCompletions([])
        while let line = reader.readLine(prompt: "attendee \(attendees.count + 1)> "),
            !line.trimmingCharacters(in: .whitespaces).isEmpty
        {
            guard let attendee = RosterLine.attendee(line) else {
                output.write("A line needs a name first: “Ana Ruiz” or “Ana Ruiz, E-1042”.\n")
                continue
            }
            attendees.append(attendee)
        }
        return attendees
    }

    /// Asks each question in turn; `quit`, the end of input or Ctrl-C stops early.
    private func askQuestions(reader: inout any LineReader) throws {
        var session = TrainingSession(plan: plan, policy: training.policy)
        var effects = session.start()
        while true {
            for effect in effects {
                printer.text(of: effect, lastAnswered: session.answers.last).map(output.write)
            }
            output.flush()
            guard let question = session.current else { return }
            reader.setCompletions(question.options.indices.map(SessionPrinter.letter) + ["repeat", "quit"])
            guard let line = reader.readLine(prompt: "room's answer> ") else { return }
            let input = TrainingTerminal<AnyLineReader>.parse(line, for: question) ?? .help
            switch input {
            case .quit:
                return
            case .help, .showProtocol:
                output.write(
                    "Type the letter the room agreed on (A to \(SessionPrinter.letter(question.options.count - 1))); "
                        + "`repeat` shows the vignette again; `quit` ends the session now and records attendance.\n")
                effects = []
            default:
                effects = session.handle(input)
            }
            progress.withLock { $0.answers = session.answers }
        }
    }

    /// Records attendance once (at the end, or on Ctrl-C), if at least one question was discussed.
    /// A Ctrl-C while the records are being written waits for them (the lock is held throughout).
    private func finish() throws {
        try finishing.withLock { isFinished in
            guard !isFinished else { return }
            isFinished = true
            try writeAttendance(progress.withLock { $0 })
        }
    }

    private func writeAttendance(_ done: Progress) throws {
        guard !done.answers.isEmpty else {
            output.write("\nThe session ended before any question was answered, so no attendance was recorded.\n")
            return
        }
        let now = Date()
        let right = done.answers.filter { $0.isCorrect }.count
        output.write(
            """

            The room discussed \(done.answers.count) of \(plan.questions.count) questions and agreed with the \
            protocol on \(right).

            """)
        let module = TrainingModule(jurisdiction, training: training, seed: plan.seed)
        let attendees = done.attendees.map { attendee in
            SessionEnding.Attendee(
                record: CompletionRecord(
                    id: UUID(), attendee: attendee, training: module, session: sessionID, facilitator: facilitator,
                    startedAt: .local(started), completedAt: .local(now), roomAnswers: done.answers,
                    policy: training.policy),
                answered: "as the room")
        }
        try ending.write(attendees)
    }
}

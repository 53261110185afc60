import Completion
import ContentLoading
import Foundation
import ProtocolEngine
import Records
import ScenarioEngine
import Scoring
import Synchronization
import TerminalUI
import Training

/// An offline room session: one screen (this terminal, on the projector), no network. The
/// facilitator types the roster, then the room's consensus answer to each question, and the
/// room sees the protocol's answer with its step, citation and reasons. At the end, at the end
/// of input, or on Ctrl-C, SIGTERM or SIGHUP, every attendee gets a record of group attendance
/// (not individually scored; complete only if the room reached the last question) and, if
/// complete, a certificate.
final class OfflineRoom: Sendable {
    let setup: SessionSetup
    let printer: SessionPrinter

    /// What the room has done so far, shared with the handler of Ctrl-C, SIGTERM and SIGHUP.
    private struct Progress {
        var attendees: [Trainee] = []
        var answers: [AnsweredQuestion] = []
        /// When the first question was shown (the roster is not counted).
        var started: Date?
    }

    private let progress = Mutex(Progress())

    init(setup: SessionSetup, printer: SessionPrinter) {
        self.setup = setup
        self.printer = printer
    }

    func run(roster: [Trainee], reader: inout any LineReader) throws {
        let output = setup.output
        output.write(
            """
            Offline room session \(setup.sessionID): \(setup.jurisdiction.name) protocol, \
            \(setup.plan.questions.count) questions, led by \(setup.facilitator). No network: this screen is the room's.

            """)
        var attendees = roster
        if attendees.isEmpty {
            output.write(
                "Type each attendee on a line: a name, or “name, employee id”. An empty line ends the roster. "
                    + "(This screen may be projected: to keep employee ids off it, use --roster FILE.)\n")
            attendees = readRoster(reader: &reader)
        }
        guard !attendees.isEmpty else {
            output.write("No attendees were entered, so nothing was recorded.\n")
            return
        }
        progress.withLock { $0.attendees = attendees }
        output.write(
            "\(attendees.count) \(attendees.count == 1 ? "attendee" : "attendees"). "
                + "Discuss each question as a room; type the room's answer.\n")
        let finish = FinishOnce { [self] in try writeAttendance(progress.withLock { $0 }) }
        let interrupt = InterruptToFinish(finish)
        try askQuestions(reader: &reader)
        try withExtendedLifetime(interrupt) { try finish.run() }
    }

    private func readRoster(reader: inout any LineReader) -> [Trainee] {
        var attendees: [Trainee] = []
        reader.setCompletions([])
        while let line = reader.readLine(prompt: "attendee \(attendees.count + 1)> "),
            !line.trimmingCharacters(in: .whitespaces).isEmpty
        {
            switch AttendeeList.attendee(line) {
            case .success(let attendee): attendees.append(attendee)
            case .failure(let problem): setup.output.write("Not added: \(problem).\n")
            }
        }
        return attendees
    }

    /// Asks each question in turn; `quit`, the end of input or Ctrl-C stops early.
    private func askQuestions(reader: inout any LineReader) throws {
        let output = setup.output
        var session = TrainingSession(plan: setup.plan, policy: setup.training.policy)
        var effects = session.start()
        progress.withLock { $0.started = Date() }
        while true {
            for effect in effects {
                printer.text(of: effect, lastAnswered: session.answers.last).map(output.write)
            }
            output.flush()
            guard let question = session.current else { return }
            reader.setCompletions(question.options.indices.map(SessionPrinter.letter) + ["repeat", "quit"])
            guard let line = reader.readLine(prompt: "room's answer> ") else { return }
            switch TrainingSession.Input(typed: line, for: question) ?? .help {
            case .quit:
                return
            case .help, .showProtocol:
                output.write(
                    "Type the letter the room agreed on (A to \(SessionPrinter.letter(question.options.count - 1))); "
                        + "`repeat` shows the vignette again; `quit` ends the session now and records attendance.\n")
                effects = []
            case let input:
                effects = session.handle(input)
            }
            progress.withLock { $0.answers = session.answers }
        }
    }

    /// Records attendance, if the room answered at least one question.
    private func writeAttendance(_ done: Progress) throws {
        let output = setup.output
        let planned = setup.plan.questions.count
        guard !done.answers.isEmpty, let started = done.started else {
            output.write("\nThe session ended before any question was answered, so no attendance was recorded.\n")
            return
        }
        let right = done.answers.filter { $0.isCorrect }.count
        output.write(
            "\nThe room discussed \(done.answers.count) of \(planned) questions and agreed with the protocol on \(right)."
                + (done.answers.count < planned
                    ? " The session ended early: attendance is recorded, but it does not complete the training.\n" : "\n"))
        try setup.end(
            with: GroupSessionRecords.offline(
                attendees: done.attendees, roomAnswers: done.answers, setup: setup.group, started: started, clock: .system))
    }
}

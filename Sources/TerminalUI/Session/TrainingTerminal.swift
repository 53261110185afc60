import ProtocolEngine
import Records
import ScenarioEngine
import Scoring
import Training

/// Runs a training session at a terminal (or over a pipe): shows each effect and reads answers,
/// which `driver` handles (an attempt saves each before its feedback comes back). The end of
/// input stops the session as `quit` does. The protocol goes through the output's pager, and the
/// question is shown again after it.
public struct TrainingTerminal<Reader: LineReader, Driver: TrainingSessionDriver> {
    public enum Outcome: Sendable, Equatable {
        case finished(ScoreReport)
        case paused(answered: Int, of: Int)
    }

    public private(set) var driver: Driver
    /// Why the attempt is taken. Practice's score is not judged pass or fail at the end; during a
    /// pre-test, each answer is also saved without feedback and the protocol is not shown.
    public var purpose = AttemptPurpose.training
    private var withholdsFeedback: Bool { purpose == .preTest }
    private var session: TrainingSession { driver.session }
    private var reader: Reader
    private let output: any TextOutput
    private let printer: SessionPrinter
    private let protocolText: () -> String

    public init(
        driver: Driver, reader: Reader, output: any TextOutput, printer: SessionPrinter,
        protocolText: @escaping () -> String
    ) {
        self.driver = driver
        self.reader = reader
        self.output = output
        self.printer = printer
        self.protocolText = protocolText
    }

    /// Runs until the session finishes, the trainee quits, or input ends (which pauses).
    public mutating func run() throws -> Outcome {
        if let outcome = try perform(driver.start()) { return outcome }
        while let question = session.current {
            reader.setCompletions(question.options.indices.map(SessionPrinter.letter) + SessionPrinter.commands)
            guard let line = reader.readLine(prompt: "answer> ") else {
                return try perform(driver.handle(.quit))
                    ?? .paused(
                        answered: session.answers.count, of: session.plan.questions.count)
            }
            guard let input = TrainingSession.Input(typed: line, for: question) else {
                output.write(printer.help(optionCount: question.options.count))
                continue
            }
            if let outcome = try perform(driver.handle(input)) { return outcome }
        }
        // Not reached: the session's last answer finishes it above.
        return .paused(answered: session.answers.count, of: session.plan.questions.count)
    }

    private mutating func perform(_ effects: [TrainingSession.Effect]) throws -> Outcome? {
        var outcome: Outcome?
        for effect in effects {
            switch effect {
            case .feedback where withholdsFeedback:
                output.write(printer.answerSaved())
            case .showProtocol where withholdsFeedback:
                output.write(printer.protocolWithheld())
            case .presentStory, .ask, .feedback:
                printer.text(of: effect, lastAnswered: session.answers.last).map(output.write)
            case .showHelp:
                output.write(printer.help(optionCount: session.current?.options.count ?? 4))
            case .showProtocol:
                output.page(protocolText())
                if let question = session.current {
                    output.write(
                        printer.question(question, number: session.answers.count + 1, of: session.plan.questions.count))
                }
            case .saveProgress:
                break  // the driver saved it before returning the effects
            case .finished(let report):
                output.write(purpose == .training ? printer.result(report) : printer.practiceResult(report, purpose: purpose))
                outcome = .finished(report)
            case .paused(let answered, let total):
                output.write(printer.paused(answered: answered, of: total))
                outcome = .paused(answered: answered, of: total)
            }
        }
        output.flush()
        return outcome
    }
}

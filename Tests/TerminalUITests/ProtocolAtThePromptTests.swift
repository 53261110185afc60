import ContentLoading
import ProtocolEngine
import Synchronization
import TerminalUI
import TestSupport
import Testing
import Training

/// `protocol` typed during a session: the protocol goes through the output's pager, then the
/// question is shown again, so the trainee sees what they are answering.
struct ProtocolAtThePromptTests {
    @Test func theProtocolIsPagedAndThenTheQuestionShownAgain() throws {
        let content = try Fixtures.trainingContent()
        let marin = try #require(content.library.jurisdiction("marin"))
        let plan = TrainingPlan(bank: content.vignettes, jurisdiction: marin, count: 1, seed: 3, builder: content.questionBuilder)
        let output = RecordingOutput()
        let printer = SessionPrinter(width: 80, style: TextStyle(color: false))
        var terminal = TrainingTerminal(
            driver: TrainingSession(plan: plan, policy: content.policy), reader: ScriptedReader(lines: ["protocol"]),
            output: output, printer: printer, protocolText: { "THE PROTOCOL\n" })

        _ = try terminal.run()

        let question = printer.question(plan.questions[0], number: 1, of: plan.questions.count)
        let events = output.events.withLock { $0 }
        let paged = try #require(events.firstIndex(of: .paged("THE PROTOCOL\n")))
        #expect(events[(paged + 1)...].contains(.written(question)))
    }

    /// A text fits the screen when its lines, each as many rows as it wraps to, leave a row for
    /// the prompt.
    @Test(
        arguments: [(23, 10, 24, true), (24, 10, 24, false), (12, 85, 24, false), (11, 80, 24, true)] as [(Int, Int, Int, Bool)])
    func aTextFitsWhenItsRowsLeaveOneForThePrompt(lines: Int, width: Int, rows: Int, fits: Bool) {
        let text = String(repeating: String(repeating: "x", count: width) + "\n", count: lines)
        #expect(Pager(command: "less -R", rows: rows, columns: 80).fits(text) == fits)
    }

    @Test func colourCodesTakeNoRoomOnTheScreen() {
        let line = "\u{1B}[1m" + String(repeating: "x", count: 80) + "\u{1B}[0m\n"
        #expect(Pager(command: "less -R", rows: 24, columns: 80).fits(String(repeating: line, count: 23)))
    }
}

/// Lines typed in order, then the end of input.
private struct ScriptedReader: LineReader {
    var lines: [String]

    mutating func setCompletions(_ words: [String]) {}

    mutating func readLine(prompt: String) -> String? {
        lines.isEmpty ? nil : lines.removeFirst()
    }
}

/// What the terminal wrote and paged, in order.
private final class RecordingOutput: TextOutput {
    enum Event: Equatable {
        case written(String)
        case paged(String)
    }

    let events = Mutex<[Event]>([])

    func write(_ text: String) { events.withLock { $0.append(.written(text)) } }
    func page(_ text: String) { events.withLock { $0.append(.paged(text)) } }
    func flush() {}
}

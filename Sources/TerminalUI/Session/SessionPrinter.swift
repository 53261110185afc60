import Foundation
import ProtocolEngine
import ScenarioEngine
import Scoring
import Training

#if canImport(Glibc)
    import Glibc
#endif

/// Renders a training session's effects as terminal text, wrapped to a width.
public struct SessionPrinter: Sendable {
    public var width: Int
    public var style: TextStyle
    /// The command that continues a stopped session, as help and the pause message print it.
    public var resumeCommand: String

    public init(width: Int, style: TextStyle, resumeCommand: String = "csec-trainer train --resume") {
        self.width = width
        self.style = style
        self.resumeCommand = resumeCommand
    }

    private var wrap: TextWrapper { TextWrapper(width: width) }

    /// Letters for options: A, B, C …
    public static func letter(_ index: Int) -> String {
        String(UnicodeScalar(UInt8(65 + index)))
    }

    public static let commands = ["help", "repeat", "protocol", "quit"]

    public func header(jurisdiction: JurisdictionProtocol, trainee: String, plan: TrainingPlan) -> String {
        var lines = [style.bold(wrap.wrap("csec-trainer: \(jurisdiction.name) protocol"))]
        lines.append(
            wrap.wrap(
                "Trainee: \(trainee). \(plan.vignettes.count) vignettes, \(plan.questions.count) questions (seed \(plan.seed))."))
        lines.append(wrap.wrap("Type the letter of your answer. Commands: help, repeat, protocol, quit. Tab completes them."))
        return lines.joined(separator: "\n") + "\n"
    }

    public func story(_ vignette: Vignette, stage: Int, number: Int, of total: Int, full: Bool) -> String {
        var lines = ["", style.bold(wrap.wrap("VIGNETTE \(number) of \(total): \(vignette.title)")), ""]
        let parts =
            (full ? [vignette.narrative] + vignette.stages.prefix(stage + 1).compactMap(\.narrative) : [])
            + (!full && stage == 0 ? [vignette.narrative] : [])
            + (!full && stage > 0 ? [vignette.stages[stage].narrative ?? "Later in the case:"] : [])
        for part in parts {
            for paragraph in paragraphs(part) {
                lines.append(wrap.wrap(paragraph, indent: "  ", hangingIndent: "  "))
                lines.append("")
            }
        }
        return lines.dropLast().joined(separator: "\n") + "\n"
    }

    public func question(_ question: Question, number: Int, of total: Int) -> String {
        var lines = ["", style.bold("Question \(number) of \(total): \(question.kind.name)"), wrap.wrap(question.prompt)]
        for (index, option) in question.options.enumerated() {
            lines.append(wrap.wrap(option.text, indent: "  \(Self.letter(index)). ", hangingIndent: "     "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func feedback(_ feedback: Feedback, in question: Question) -> String {
        let letter = question.options.firstIndex(of: feedback.correct).map(Self.letter) ?? "?"
        let verdict =
            feedback.isCorrect
            ? style.good("Correct.") + " " + feedback.correct.text
            : style.bad("Not quite.") + " The correct answer is \(letter): " + feedback.correct.text
        var lines = [wrap.wrap(verdict, hangingIndent: "  ")]
        if let why = feedback.whyWrong ?? feedback.mistake {
            lines.append(wrap.wrap("Why not “\(feedback.chosen.text)”: \(why)", indent: "  ", hangingIndent: "    "))
        }
        if feedback.attemptCannotPass {
            lines.append(
                style.bad(
                    wrap.wrap(
                        "This attempt will not pass: a critical mistake fails it whatever the score. You can finish the "
                            + "questions for practice, or type quit to stop and start again later.",
                        indent: "  ", hangingIndent: "  ")))
        } else if feedback.isCritical {
            lines.append(style.bad("  This is a critical mistake: it fails the attempt."))
        }
        if let definition = feedback.explanation.definition {
            lines.append(wrap.wrap("Definition: \(definition)", indent: "  ", hangingIndent: "    "))
        }
        if feedback.explanation.citation != nil {
            lines.append(wrap.wrap("Protocol: \(feedback.explanation.answer)", indent: "  ", hangingIndent: "    "))
        }
        if !feedback.explanation.source.isEmpty {
            lines.append(wrap.wrap("Cites: \(feedback.explanation.source)", indent: "  ", hangingIndent: "    "))
        }
        for reason in feedback.explanation.reasons {
            lines.append(wrap.wrap("- \(reason)", indent: "  ", hangingIndent: "    "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The text of an effect that shows the session (the story, a question, the feedback on
    /// `lastAnswered`); nil for the others, which the caller carries out.
    public func text(of effect: TrainingSession.Effect, lastAnswered: AnsweredQuestion?) -> String? {
        switch effect {
        case .presentStory(let vignette, let stage, let number, let total, let full):
            story(vignette, stage: stage, number: number, of: total, full: full)
        case .ask(let question, let number, let total):
            self.question(question, number: number, of: total)
        case .feedback(let feedback):
            lastAnswered.map { self.feedback(feedback, in: $0.question) }
        case .showHelp, .showProtocol, .saveProgress, .finished, .paused:
            nil
        }
    }

    public func help(optionCount: Int) -> String {
        let last = Self.letter(max(optionCount - 1, 0))
        return wrap.wrap(
            "Type a letter from A to \(last) and press Enter to answer. Commands: help (this text), "
                + "repeat (show the vignette and question again), protocol (show the county's protocol), "
                + "quit (stop now; your answers are saved and `\(resumeCommand)` continues).") + "\n"
    }

    public func result(_ report: ScoreReport) -> String {
        var lines = ["", style.bold("RESULT")]
        for kind in report.byKind {
            lines.append(
                "  \(kind.kind.name): \(kind.correct) of \(kind.asked) correct (\(kind.points) of \(kind.possible) points)")
        }
        lines.append("  Total: \(report.points) of \(report.possible) points (\(report.percent)%)")
        lines.append(report.passed ? style.good("  PASSED") : style.bad("  NOT PASSED"))
        for reason in report.reasons {
            lines.append(wrap.wrap("- \(reason)", indent: "  ", hangingIndent: "    "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Where the completion record is, and how to export a certificate from it (a passing
    /// attempt) or try again.
    public func recordSaved(file: String, shortID: String, passed: Bool) -> String {
        let next =
            passed
            ? "Export a certificate with `csec-trainer certificate \(shortID) --out certificate.pdf` "
                + "(or `--format openbadge --out certificate.jwt` for an Open Badges credential)."
            : "Certificates are for passing attempts: start another session with `csec-trainer train` when you are ready."
        return [wrap.wrap("Your completion record is saved and signed: \(file)"), wrap.wrap(next)].joined(separator: "\n") + "\n"
    }

    public func paused(answered: Int, of total: Int) -> String {
        "\n" + wrap.wrap("Progress saved: \(answered) of \(total) questions answered. Continue with: `\(resumeCommand)`")
            + "\n"
    }

    private func paragraphs(_ text: String) -> [String] {
        text.components(separatedBy: "\n\n").map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            .filter { !$0.isEmpty }
    }
}

extension SessionPrinter {
    /// The printer for standard output: the terminal's width, and colour only on a terminal
    /// (see ``TextStyle/forTerminal(isTerminal:environment:)``).
    public static func forStandardOutput(
        environment: [String: String], resumeCommand: String = "csec-trainer train --resume"
    ) -> SessionPrinter {
        SessionPrinter(
            width: TerminalSize.columns(environment: environment),
            style: .forTerminal(isTerminal: isatty(STDOUT_FILENO) != 0, environment: environment),
            resumeCommand: resumeCommand)
    }
}

import Records
import Scoring

extension SessionPrinter {
    /// After a pre-test's answer: no feedback, the next question comes.
    public func answerSaved() -> String {
        TextWrapper(width: width).wrap("Answer saved.") + "\n"
    }

    /// Instead of the protocol, during a pre-test.
    public func protocolWithheld() -> String {
        TextWrapper(width: width).wrap(
            "The protocol is not shown during the pre-test: answer with what you know now. The briefing and the "
                + "training that follow go through it.") + "\n"
    }

    /// The end of practice (a pre-test or a refresher): its score, neither passed nor failed.
    public func practiceResult(_ report: ScoreReport, purpose: AttemptPurpose) -> String {
        let wrap = TextWrapper(width: width)
        let meaning =
            purpose == .preTest
            ? "A pre-test is not passed or failed, and completes nothing: it shows what you knew before the "
                + "training, to compare with the training's result."
            : "A refresher is practice: it is not passed or failed, and your training stays as it was. Your "
                + "training office sees whether the areas it went over improved."
        return [
            "", style.bold(purpose == .preTest ? "PRE-TEST DONE" : "REFRESHER DONE"),
            "  Total: \(report.points) of \(report.possible) points (\(report.percent)%)",
            wrap.wrap(meaning, indent: "  ", hangingIndent: "  "),
        ].joined(separator: "\n") + "\n"
    }

    /// Where a refresher's record is: practice, with nothing to export.
    public func refresherSaved(file: String) -> String {
        TextWrapper(width: width).wrap("Your refresher record is saved and signed: \(file)") + "\n"
    }

    /// Where the pre-test's record is, and the training that follows it (`command` starts it).
    public func preTestSaved(file: String, command: String) -> String {
        let wrap = TextWrapper(width: width)
        return [
            wrap.wrap("Your pre-test record is saved and signed: \(file)"),
            wrap.wrap(
                "The training follows: the briefing, then the course, on cases this pre-test did not use. Start it "
                    + "with `\(command)`."),
        ].joined(separator: "\n") + "\n"
    }
}

import ContentLoading
import ProtocolEngine
import ScenarioEngine
import Scoring
import TerminalUI
import TestSupport
import Testing
import Training

/// After each answer: right or wrong, the correct answer, where the protocol prints it, and the
/// engine's reasons, for both kinds of question.
struct FeedbackPrintingTests {
    @Test(arguments: [QuestionKind.category, .nextStep])
    func aWrongAnswerShowsTheCorrectOneItsSourceAndTheReasons(_ kind: QuestionKind) throws {
        let content = try Fixtures.trainingContent()
        let sanDiego = try #require(content.library.jurisdiction("san-diego"))
        let vignette = try #require(content.vignettes.first { $0.id == "new-phone-and-hotel-keys" })
        var generator = SplitMix64(seed: 1)
        let questions = content.questionBuilder.questions(for: vignette, under: sanDiego, using: &generator)
        let question = try #require(questions.first { $0.kind == kind })
        let wrong = try #require(question.options.first { $0.id != question.correctOptionID })

        let printed = SessionPrinter(width: 400, style: TextStyle(color: false))
            .feedback(Feedback(AnsweredQuestion(question: question, chosen: wrong.id)), in: question)

        let correct = try #require(question.correctOption)
        let firstReason = try #require(question.explanation.reasons.first)
        #expect(printed.contains("Not quite. The correct answer is"))
        #expect(printed.contains(String(correct.text.prefix(25))))
        #expect(printed.contains("Cites: \(sanDiego.document)"))
        #expect(!printed.contains(sanDiego.source.seed))
        let why = try #require(question.explanation.whyWrong[wrong.id])
        #expect(printed.contains("Why not “\(wrong.text)”: \(why.prefix(20))"))
        #expect(printed.contains(String(firstReason.prefix(25))))
    }
}

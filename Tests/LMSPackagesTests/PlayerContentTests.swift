import Briefing
import ContentLoading
import Foundation
import LMSPackages
import ScenarioEngine
import Scoring
import TestSupport
import Testing
import Training

/// The player's content holds what the engine computed, for every county: the same questions
/// in the same order, each correct letter naming the engine's correct option, the explanations
/// with their citations, the policy's points and pass mark, and the content note first.
struct PlayerContentTests {
    @Test(arguments: Fixtures.jurisdictionIDs)
    func theCorrectLetterOfEveryQuestionNamesTheEnginesAnswer(jurisdiction: String) throws {
        let plan = try CoursePackages.plan(jurisdiction)
        let content = try CoursePackages.content(jurisdiction)
        #expect(content.questions.map(\.id) == plan.questions.map(\.id))
        #expect(!plan.questions.isEmpty)
        for (asked, question) in zip(content.questions, plan.questions) {
            let index = try #require(asked.options.firstIndex { $0.letter == asked.correct })
            #expect(question.options[index].id == question.correctOptionID, "\(question.id)")
            #expect(asked.options.map(\.text) == question.options.map(\.text))
            #expect(asked.explanation.source == question.explanation.source)
            #expect(asked.explanation.reasons == question.explanation.reasons)
            for (option, engine) in zip(asked.options, question.options) {
                #expect(option.critical == (engine.mistake?.critical ?? false))
                #expect(
                    option.whyWrong == (engine.id == question.correctOptionID ? nil : question.explanation.whyWrong[engine.id]))
            }
        }
    }

    @Test(arguments: Fixtures.jurisdictionIDs)
    func interactionIDsAreStrictCMIIdentifiersAndUnique(jurisdiction: String) throws {
        let ids = try CoursePackages.content(jurisdiction).questions.map(\.interactionID)
        #expect(ids.allSatisfy(InteractionID.isValid))
        #expect(Set(ids).count == ids.count)
    }

    @Test func thePolicyAndTheContentNoteComeFromTheContent() throws {
        let training = try Fixtures.trainingContent()
        let content = try CoursePackages.content("marin")
        #expect(content.scoring.passMark == training.policy.passMark)
        #expect(content.scoring.criticalMistakesFail == training.policy.criticalMistakesFail)
        for question in content.questions {
            let kind = try #require(QuestionKind(rawValue: question.kind))
            #expect(question.points == training.policy.points(for: kind))
        }
        let note = ContentNote(employeeAssistance: nil)
        #expect(content.contentNote.heading == note.heading)
        #expect(content.contentNote.supportLines == note.supportLines.map(\.text))
        #expect(!content.briefing.sections.isEmpty)
    }

    struct IDCase: Sendable, CustomTestStringConvertible {
        var questionID: String
        var number: Int
        var expected: String
        var testDescription: String { questionID }
    }

    @Test(arguments: [
        IDCase(questionID: "new-phone#0/category", number: 1, expected: "q1_new-phone_0_category"),
        IDCase(questionID: "a b\u{e9}#2/next-step", number: 12, expected: "q12_a_b__2_next-step"),
        IDCase(questionID: String(repeating: "x", count: 300), number: 3, expected: "q3_" + String(repeating: "x", count: 252)),
    ])
    func interactionIDsKeepOnlyLettersDigitsHyphensAndUnderscores(_ example: IDCase) {
        let id = InteractionID.make(questionID: example.questionID, number: example.number)
        #expect(id == example.expected)
        #expect(InteractionID.isValid(id))
    }

    @Test func choiceLettersStopAtTheSCORMAlphabet() {
        #expect(ChoiceLetter.letter(at: 0) == "a")
        #expect(ChoiceLetter.letter(at: 25) == "z")
        #expect(ChoiceLetter.letter(at: 26) == "0")
        #expect(ChoiceLetter.letter(at: 36) == nil)
    }
}

import ContentLoading
import ProtocolEngine
import ScenarioEngine
import TestSupport
import Testing
import Training

@testable import QuestionBanks

/// A bank question keeps the engine's answer and puts each reason where a trainee sees it.
@Suite struct BankQuestionTests {
    static func engineQuestions(_ county: String) throws -> [Question] {
        let content = try Fixtures.trainingContent()
        let jurisdiction = try #require(content.library.jurisdiction(county))
        return TrainingPlan(
            bank: content.vignettes, jurisdiction: jurisdiction, length: .vignettes(content.vignettes.count), seed: 7,
            builder: content.questionBuilder
        ).questions
    }

    @Test(arguments: Fixtures.jurisdictionIDs)
    func theCorrectOptionIsTheEnginesAndEveryWrongOneSaysWhy(county: String) throws {
        let questions = try Self.engineQuestions(county)
        #expect(!questions.isEmpty)
        for question in questions {
            let bank = BankQuestion(question)
            #expect(bank.id == question.id)
            #expect(bank.options.map(\.id) == question.options.map(\.id.rawValue), "the engine's order is kept")
            #expect(bank.correctOptions.map(\.id) == [question.correctOptionID.rawValue])
            for (option, engineOption) in zip(bank.options, question.options) where !option.isCorrect {
                let why = try #require(question.explanation.whyWrong[engineOption.id] ?? engineOption.mistake?.why)
                #expect(option.feedback.contains(why), "\(question.id) \(option.id)")
                if let mistake = engineOption.mistake { #expect(option.feedback.contains(mistake.why)) }
                let answer = "“\(question.correctOption!.text)”"
                #expect(option.feedback.contains(answer))
                #expect(!option.feedback.contains("\(answer). The answer is \(answer)"), "the answer is named once")
            }
            // "Protocol complete" and the emergency call cite no step: their source is empty.
            let source = question.explanation.source
            if !source.isEmpty {
                #expect(bank.correctOptions[0].feedback.hasSuffix("Cites: \(source)."))
                #expect(bank.generalFeedback.contains("Cites: \(source)."))
            }
            for reason in question.explanation.reasons { #expect(bank.generalFeedback.contains { $0.contains(reason) }) }
        }
    }

    @Test func aNextStepQuestionCitesItsProtocolStep() throws {
        let question = try #require(try Self.engineQuestions("marin").first { $0.kind == .nextStep })
        let citation = try #require(question.explanation.citation)
        let bank = BankQuestion(question)
        #expect(bank.generalFeedback.contains("Protocol: \(question.explanation.answer)"))
        #expect(bank.generalFeedback.contains { $0.contains(citation.description) })
    }

    @Test func theStoryIsTheNarrativeAndEachStageSoFarInParagraphs() {
        let vignette = Vignette(
            id: "v", title: "T", narrative: "First line\ncontinues.\n\nSecond paragraph.", facts: Facts(),
            stages: [Stage(), Stage(narrative: "Later."), Stage(narrative: "Not yet.")],
            tags: VignetteTags(audience: [], difficulty: .introductory, topics: []))
        #expect(BankQuestion.story(of: vignette, upTo: 0) == ["First line continues.", "Second paragraph."])
        #expect(BankQuestion.story(of: vignette, upTo: 1) == ["First line continues.", "Second paragraph.", "Later."])
    }
}

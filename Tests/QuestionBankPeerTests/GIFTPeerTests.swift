import Completion
import Foundation
import ProtocolEngine
import QuestionBanks
import ScenarioEngine
import TestSupport
import Testing

/// The GIFT export, read by a real reader (pygiftparser) for every county.
@Suite(.enabled(if: ValidatorPeers.runs(ValidatorPeers.hasGIFTReader), ValidatorPeers.skipMessage("pygiftparser")))
struct GIFTPeerTests {
    struct Read: Decodable {
        struct Question: Decodable {
            var category: String
            var valid: Bool
            var kind: String
            var correct: [String]
            var options: [Option]
            var generalFeedback: String
        }
        struct Option: Decodable {
            var answer: String
            var feedback: String
        }
        var questions: [Question]
    }

    @Test(arguments: Fixtures.jurisdictionIDs)
    func everyQuestionComesBackWithTheEnginesAnswerAndEachWrongOptionsReason(county: String) async throws {
        let exported = try ExportedBank(county: county)
        try #require(!exported.engine.isEmpty)
        let read = try await exported.readBack(as: .gift, fileExtension: "gift", by: "read_gift.py", into: Read.self)
        try #require(read.questions.count == exported.engine.count)
        for (question, parsed) in zip(exported.engine, read.questions) {
            #expect(parsed.valid && parsed.kind == "SelectSet", "\(question.id) is read as \(parsed.kind)")
            #expect(parsed.category == exported.bank.categoryPath)
            let correct = question.correctOption.map { ExportedBank.inGIFTAnswer($0.text) }
            #expect(parsed.correct == [correct], "\(question.id)")
            #expect(parsed.options.map(\.answer) == question.options.map { ExportedBank.inGIFTAnswer($0.text) })
            for (option, parsedOption) in zip(question.options, parsed.options) where option.id != question.correctOptionID {
                let why = try #require(ExportedBank.whyWrong(option, in: question))
                #expect(parsedOption.feedback.contains(ExportedBank.inGIFTAnswer(why)), "\(question.id) \(option.id)")
            }
            let source = question.explanation.source
            #expect(source.isEmpty || parsed.generalFeedback.contains("Cites: \(source)."), "\(question.id)")
        }
    }

    @Test func theCheckCatchesAnAnswerTheReaderCutsShort() async throws {
        let file = ValidatorPeers.negative.appending(path: "gift-escaped-brace-in-answer.gift")
        let read = try await ValidatorPeers.run("read_gift.py", [file.path], as: Read.self)
        let question = try #require(read.questions.first)
        #expect(question.correct != ["Call the office } now"])
        #expect(question.kind != "SelectSet" || question.options.count != 2)
    }
}

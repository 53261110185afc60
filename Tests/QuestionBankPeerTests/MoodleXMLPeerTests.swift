import Completion
import Foundation
import ProtocolEngine
import QuestionBanks
import ScenarioEngine
import TestSupport
import Testing

/// The Moodle XML export, read by a real reader (moodle-xml-parser) for every county.
@Suite(.enabled(if: ValidatorPeers.runs(ValidatorPeers.hasMoodleReader), ValidatorPeers.skipMessage("moodle-xml-parser")))
struct MoodleXMLPeerTests {
    struct Read: Decodable {
        struct Question: Decodable {
            var name: String
            var single: Bool
            var correct: [String]
            var options: [Option]
        }
        struct Option: Decodable {
            var answer: String
            var feedback: String
        }
        var questions: [Question]
        var errors: [String]
    }

    @Test(arguments: Fixtures.jurisdictionIDs)
    func everyQuestionComesBackWithTheEnginesAnswerAndEachWrongOptionsReason(county: String) async throws {
        let exported = try ExportedBank(county: county)
        try #require(!exported.engine.isEmpty)
        let read = try await exported.readBack(as: .moodleXML, fileExtension: "xml", by: "read_moodle_xml.py", into: Read.self)
        #expect(read.errors == [], "moodle-xml-parser left questions out")
        try #require(read.questions.count == exported.engine.count)
        for (question, parsed) in zip(exported.engine, read.questions) {
            #expect(parsed.single)
            #expect(parsed.correct == [question.correctOption?.text], "\(question.id)")
            #expect(parsed.options.map(\.answer) == question.options.map(\.text), "\(question.id)")
            for (option, parsedOption) in zip(question.options, parsed.options) where option.id != question.correctOptionID {
                let why = try #require(ExportedBank.whyWrong(option, in: question))
                #expect(parsedOption.feedback.contains(why), "\(question.id) \(option.id)")
            }
        }
    }

    @Test func theCheckCatchesAQuestionTheReaderLeavesOut() async throws {
        let file = ValidatorPeers.negative.appending(path: "moodle-unreadable-fraction.xml")
        let read = try await ValidatorPeers.run("read_moodle_xml.py", [file.path], as: Read.self)
        #expect(read.errors.count == 1)
        #expect(read.errors.first?.contains("Error while parsing question type 'multichoice'") == true)
        #expect(read.questions.count == 1, "two questions written, one read")
    }
}

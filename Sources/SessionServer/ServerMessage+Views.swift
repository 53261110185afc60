import Foundation
import GroupSessions
import ProtocolEngine
import ScenarioEngine

extension ServerMessage.QuestionView {
    /// The plan's question at `index`, with the whole story up to its stage.
    init(_ question: Question, index: Int, of total: Int) {
        let parts = [question.vignette.narrative] + question.vignette.stages.prefix(question.stage + 1).compactMap(\.narrative)
        self.init(
            index: index, number: index + 1, of: total, kind: question.kind.name, title: question.vignette.title,
            story: parts.flatMap { $0.components(separatedBy: "\n\n") }.map { $0.replacingOccurrences(of: "\n", with: " ") }
                .filter { !$0.allSatisfy(\.isWhitespace) },
            prompt: question.prompt,
            options: question.options.enumerated().map { number, option in
                ServerMessage.OptionView(
                    id: option.id.rawValue, letter: String(UnicodeScalar(UInt8(65 + number))), text: option.text)
            })
    }
}

extension ServerMessage.RevealView {
    init(_ question: Question, index: Int) {
        self.init(
            index: index, correct: question.correctOptionID.rawValue, answer: question.explanation.answer,
            citation: question.explanation.source, reasons: question.explanation.reasons,
            definition: question.explanation.definition,
            whyWrong: Dictionary(uniqueKeysWithValues: question.explanation.whyWrong.map { ($0.key.rawValue, $0.value) }))
    }
}

extension ServerMessage {
    static func refused(_ refusal: Refusal) -> ServerMessage {
        var message = ServerMessage(type: .refused)
        message.reason = refusal.description
        return message
    }
}

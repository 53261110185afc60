import Completion
import ContentLoading
import Foundation
import ProtocolEngine
import QuestionBanks
import ScenarioEngine
import TestSupport
import Training

/// Each county's exported bank beside the engine's own questions, to compare what a peer reads
/// back with what the engine computed.
struct ExportedBank {
    static let seed: UInt64 = 1

    var bank: QuestionBank
    var engine: [Question]

    init(county: String) throws {
        let content = try Fixtures.trainingContent()
        guard let jurisdiction = content.library.jurisdiction(county) else { throw FixtureError.missingJurisdiction(county) }
        bank = QuestionBankExport(content: content).bank(for: jurisdiction, seed: Self.seed)
        engine =
            TrainingPlan(
                bank: content.vignettes, jurisdiction: jurisdiction, length: .vignettes(content.vignettes.count),
                seed: Self.seed, builder: content.questionBuilder
            ).questions
    }

    /// Why `option` is wrong in `question`, in the engine's words.
    static func whyWrong(_ option: AnswerOption, in question: Question) -> String? {
        question.explanation.whyWrong[option.id] ?? option.mistake?.why
    }

    /// `text` as GIFT answers carry it: braces as parentheses (docs/question-banks.md).
    static func inGIFTAnswer(_ text: String) -> String {
        String(text.map { $0 == "{" ? "(" : $0 == "}" ? ")" : $0 })
    }
}

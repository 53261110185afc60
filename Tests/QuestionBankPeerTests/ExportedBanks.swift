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

    var county: String
    var bank: QuestionBank
    var engine: [Question]

    init(county: String) throws {
        self.county = county
        let content = try Fixtures.trainingContent()
        guard let jurisdiction = content.library.jurisdiction(county) else { throw FixtureError.missingJurisdiction(county) }
        bank = QuestionBankExport(content: content).bank(for: jurisdiction, seed: Self.seed)
        engine =
            TrainingPlan(
                bank: content.vignettes, jurisdiction: jurisdiction, length: .vignettes(content.vignettes.count),
                seed: Self.seed, builder: content.questionBuilder
            ).questions
    }

    /// The bank written as `format` to a file `<county>.<fileExtension>`, read back by the peer
    /// `script` (in Fixtures/Scripts), what it printed decoded as `Read`.
    func readBack<Read: Decodable>(
        as format: QuestionBankFormat, fileExtension: String, by script: String, into: Read.Type
    ) async throws -> Read {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appending(path: "\(county).\(fileExtension)")
        try QuestionBankExport.write(bank, as: format, to: file)
        return try await ValidatorPeers.run(script, [file.path], as: Read.self)
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

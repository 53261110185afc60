import ProtocolEngine
import ScenarioEngine

/// The questions of one jurisdiction, made to be imported by other tools: each engine question
/// with its options, which one is correct, and the feedback on every option.
public struct QuestionBank: Sendable, Codable, Equatable {
    public var jurisdiction: JurisdictionID
    public var jurisdictionName: String
    /// The seed the questions were drawn and their options shuffled with.
    public var seed: UInt64
    public var questions: [BankQuestion]

    public init(jurisdiction: JurisdictionID, jurisdictionName: String, seed: UInt64, questions: [BankQuestion]) {
        self.jurisdiction = jurisdiction
        self.jurisdictionName = jurisdictionName
        self.seed = seed
        self.questions = questions
    }

    /// The bank of `questions` (as the engine built them) under `jurisdiction`.
    public init(jurisdiction: JurisdictionProtocol, seed: UInt64, questions: [Question]) {
        self.init(
            jurisdiction: jurisdiction.id, jurisdictionName: jurisdiction.name, seed: seed,
            questions: questions.map(BankQuestion.init))
    }

    /// The question category the bank is filed under in a question bank (Moodle's `$course$`
    /// path): only letters, digits and `_`, the characters every GIFT reader accepts there.
    public var categoryPath: String {
        "$course$/top/csec_trainer/" + String(jurisdiction.rawValue.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// A title for the whole bank.
    public var title: String { "csec-trainer: \(jurisdictionName) protocol questions (seed \(seed))" }
}

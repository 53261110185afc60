import Foundation

/// What a compliance report needs of one completion record: who, when, and the result.
public struct CompletionSummary: Sendable, Equatable {
    /// The record's id, lowercase, as in its file name.
    public var id: String
    public var trainee: Trainee
    public var completedAt: Timestamp
    public var outcome: CompletionOutcome
    public var jurisdiction: String
    /// The signed record's verification code (XXXX-XXXX-XXXX), when the store gives it: it is
    /// made from the signature, which the record itself does not hold.
    public var verificationCode: String?

    public init(
        id: String, trainee: Trainee, completedAt: Timestamp, outcome: CompletionOutcome, jurisdiction: String,
        verificationCode: String? = nil
    ) {
        self.id = id
        self.trainee = trainee
        self.completedAt = completedAt
        self.outcome = outcome
        self.jurisdiction = jurisdiction
        self.verificationCode = verificationCode
    }

    public init(_ record: CompletionRecord) {
        self.init(record, verificationCode: nil)
    }

    /// The summary of a signed record, with its verification code.
    public init(_ record: CompletionRecord, verificationCode: String?) {
        self.init(
            id: record.id.uuidString.lowercased(), trainee: record.trainee, completedAt: record.completedAt,
            outcome: record.outcome, jurisdiction: record.training.jurisdiction, verificationCode: verificationCode)
    }
}

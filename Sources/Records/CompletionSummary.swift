import Foundation

/// What a compliance report needs of one completion record: who, when, and the result.
public struct CompletionSummary: Sendable, Equatable {
    /// The record's id, lowercase, as in its file name.
    public var id: String
    public var trainee: Trainee
    public var completedAt: Timestamp
    public var outcome: CompletionOutcome
    public var jurisdiction: String

    public init(id: String, trainee: Trainee, completedAt: Timestamp, outcome: CompletionOutcome, jurisdiction: String) {
        self.id = id
        self.trainee = trainee
        self.completedAt = completedAt
        self.outcome = outcome
        self.jurisdiction = jurisdiction
    }

    public init(_ record: CompletionRecord) {
        self.init(
            id: record.id.uuidString.lowercased(), trainee: record.trainee, completedAt: record.completedAt,
            outcome: record.outcome, jurisdiction: record.training.jurisdiction)
    }
}

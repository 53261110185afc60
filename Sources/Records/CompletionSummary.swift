import Foundation

/// What a compliance report needs of one completion record: who, when, and the result.
public struct CompletionSummary: Sendable, Equatable {
    /// The record's id, lowercase, as in its file name.
    public var id: String
    public var trainee: Trainee
    public var completedAt: Timestamp
    public var passed: Bool
    public var percent: Int
    public var jurisdiction: String

    public init(id: String, trainee: Trainee, completedAt: Timestamp, passed: Bool, percent: Int, jurisdiction: String) {
        self.id = id
        self.trainee = trainee
        self.completedAt = completedAt
        self.passed = passed
        self.percent = percent
        self.jurisdiction = jurisdiction
    }

    public init(_ record: CompletionRecord) {
        self.init(
            id: record.id.uuidString.lowercased(), trainee: record.trainee, completedAt: record.completedAt,
            passed: record.score.passed,
            percent: record.score.percent, jurisdiction: record.training.jurisdiction)
    }
}

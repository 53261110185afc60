import ScenarioEngine

/// The result of an attempt: points per question kind, the total, and pass or fail with reasons.
public struct ScoreReport: Sendable, Codable, Equatable {
    public struct KindScore: Sendable, Codable, Equatable {
        public var kind: QuestionKind
        public var asked: Int
        public var correct: Int
        public var points: Int
        public var possible: Int
    }

    public var byKind: [KindScore]
    public var points: Int
    public var possible: Int
    public var passed: Bool
    public var reasons: [String]
    public var policyID: String
    public var policyVersion: Int

    /// Points as a share of those possible, from 0 to 1.
    public var fraction: Double { possible == 0 ? 0 : Double(points) / Double(possible) }
    public var percent: Int { Int((fraction * 100).rounded()) }
}

import ScenarioEngine

/// How answers are scored, as data (`Scoring/policy.yaml`).
public struct ScoringPolicy: Sendable, Codable, Equatable {
    public var id: String
    public var version: Int
    /// Points for a correct answer, per question kind.
    public var points: [QuestionKind: Int]
    /// The share of points needed to pass, from 0 to 1 (default 0.8).
    public var passMark: Double
    /// Whether choosing a mistake marked critical fails the attempt whatever the score.
    public var criticalMistakesFail: Bool

    public init(id: String, version: Int, points: [QuestionKind: Int], passMark: Double, criticalMistakesFail: Bool) {
        self.id = id
        self.version = version
        self.points = points
        self.passMark = passMark
        self.criticalMistakesFail = criticalMistakesFail
    }

    public func points(for kind: QuestionKind) -> Int { points[kind] ?? 1 }
}

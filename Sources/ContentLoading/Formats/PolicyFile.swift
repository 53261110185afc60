import ScenarioEngine
import Scoring

/// The scoring policy as written (format 1), `Scoring/policy.yaml`.
struct PolicyFile: Decodable {
    static let supportedFormats = [1]

    var policy: ScoringPolicy

    enum CodingKeys: String, CodingKey, CaseIterable {
        case format, id, version, points, passMark = "pass-mark", criticalMistakesFail = "critical-mistakes-fail"
    }

    enum PointKeys: String, CodingKey, CaseIterable {
        case category, nextStep = "next-step"
    }

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(besides: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        _ = try container.decode(Int.self, forKey: .format)
        let pointsDecoder = try container.superDecoder(forKey: .points)
        try pointsDecoder.rejectUnknownKeys(besides: PointKeys.self)
        let points = try pointsDecoder.container(keyedBy: PointKeys.self)
        policy = ScoringPolicy(
            id: try container.decode(String.self, forKey: .id),
            version: try container.decode(Int.self, forKey: .version),
            points: [
                .category: try points.decode(Int.self, forKey: .category),
                .nextStep: try points.decode(Int.self, forKey: .nextStep),
            ],
            passMark: try container.decode(Double.self, forKey: .passMark),
            criticalMistakesFail: try container.decode(Bool.self, forKey: .criticalMistakesFail))
    }

    func validated(in document: YAMLDocument) throws(ContentError) -> ScoringPolicy {
        var problems = ProblemCollector(document: document)
        if !(0...1).contains(policy.passMark) {
            problems.report(
                .invalidValue(
                    key: "pass-mark", value: String(policy.passMark), allowed: ["a share between 0 and 1, such as 0.8"]),
                at: DocumentPath() / "pass-mark")
        }
        for (key, value) in [("category", policy.points(for: .category)), ("next-step", policy.points(for: .nextStep))]
        where value < 0 {
            problems.report(
                .invalidValue(key: key, value: String(value), allowed: ["a whole number of at least 0"]),
                at: DocumentPath() / "points" / key)
        }
        try problems.finish()
        return policy
    }
}

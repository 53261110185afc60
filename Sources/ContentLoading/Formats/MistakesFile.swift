import ProtocolEngine
import ScenarioEngine

/// The common-mistakes catalog as written (format 1), `Scoring/mistakes.yaml`.
struct MistakesFile: Decodable {
    static let supportedFormats = [1]

    var format: Int
    var mistakes: [CommonMistake]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case format, mistakes
    }

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(besides: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(Int.self, forKey: .format)
        mistakes = try container.decode([Entry].self, forKey: .mistakes).map(\.mistake)
    }

    struct Entry: Decodable {
        var mistake: CommonMistake

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, wording, why, critical, onlyWhen = "only-when"
        }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(besides: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            mistake = CommonMistake(
                id: MistakeID(try container.decode(String.self, forKey: .id)),
                wording: try container.decode(String.self, forKey: .wording),
                why: try container.decode(String.self, forKey: .why),
                critical: try container.decode(Bool.self, forKey: .critical),
                onlyWhen: try container.decodeIfPresent(Word<CaseFlag>.self, forKey: .onlyWhen)?.value)
        }
    }

    func validated(in document: YAMLDocument) throws(ContentError) -> [CommonMistake] {
        var problems = ProblemCollector(document: document)
        problems.reportDuplicates(mistakes.map(\.id.rawValue), kind: "mistake") { DocumentPath() / "mistakes" / $0 / "id" }
        try problems.finish()
        return mistakes
    }
}

import ProtocolEngine
import ScenarioEngine

/// A vignette file as written (format 1), one per file in `Scenarios/`.
///
/// Documented in docs/vignette-format.md; schemas/vignette.schema.json lets editors check it.
struct VignetteFile: Decodable {
    static let supportedFormats = [1]

    var format: Int
    var id: String
    var title: String
    var tags: Tags
    var narrative: String
    var facts: FactList
    var stages: [StageEntry]
    var expect: [String: Expectation]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case format, id, title, tags, narrative, facts, stages, expect
    }

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(besides: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(Int.self, forKey: .format)
        id = try container.decode(String.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        tags = try container.decode(Tags.self, forKey: .tags)
        narrative = try container.decode(String.self, forKey: .narrative)
        facts = try container.decode(FactList.self, forKey: .facts)
        stages = try container.decodeIfPresent([StageEntry].self, forKey: .stages) ?? []
        expect = try container.decodeIfPresent([String: Expectation].self, forKey: .expect) ?? [:]
    }

    struct Tags: Decodable {
        var audience: [String]
        var difficulty: Difficulty
        var topics: [String]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case audience, difficulty, topics
        }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(besides: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            audience = try container.decode([String].self, forKey: .audience)
            difficulty = try container.decode(Word<Difficulty>.self, forKey: .difficulty).value
            topics = try container.decodeIfPresent([String].self, forKey: .topics) ?? []
        }
    }

    struct FactList: Decodable {
        var indicators: [String]
        var flags: [CaseFlag]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case indicators, flags
        }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(besides: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            indicators = try container.decodeIfPresent([String].self, forKey: .indicators) ?? []
            flags = try container.decodeIfPresent([Word<CaseFlag>].self, forKey: .flags)?.map { $0.value } ?? []
        }

        init() {
            indicators = []
            flags = []
        }
    }

    struct StageEntry: Decodable {
        var narrative: String?
        var done: [String]
        var add: FactList

        enum CodingKeys: String, CodingKey, CaseIterable {
            case narrative, done, add
        }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(besides: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            narrative = try container.decodeIfPresent(String.self, forKey: .narrative)
            done = try container.decodeIfPresent([String].self, forKey: .done) ?? []
            add = try container.decodeIfPresent(FactList.self, forKey: .add) ?? FactList()
        }
    }

    struct Expectation: Decodable {
        var category: String
        var next: [ExpectedStep]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case category, next
        }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(besides: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            category = try container.decode(String.self, forKey: .category)
            next = try container.decodeIfPresent([ExpectedStepWord].self, forKey: .next)?.map { $0.value } ?? []
        }
    }

    /// A step number, `emergency`, `complete`, or `none` (the facts meet no category at that stage).
    struct ExpectedStepWord: Decodable {
        var value: ExpectedStep

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) {
                value = .step(number)
                return
            }
            let word = try container.decode(String.self)
            switch word {
            case "emergency": value = .emergency
            case "complete": value = .complete
            case "none": value = .none
            default:
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: decoder.codingPath, debugDescription: "invalid value",
                        underlyingError: InvalidValueError(
                            value: word, allowed: ["a step number", "emergency", "complete", "none"])))
            }
        }
    }
}

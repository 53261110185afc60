import ProtocolEngine

/// A protocol file as written (format 1): the YAML shape, before validation.
///
/// The documented format is docs/protocol-file-format.md; schemas/protocol.schema.json lets
/// editors check it as you type.
struct ProtocolFile: Decodable {
    static let supportedFormats = [1]

    var format: Int
    var id: String
    var name: String
    var title: String
    var publisher: String
    var source: Source
    var emergency: Emergency
    var contacts: [ContactEntry]
    var categories: [Category]
    var equivalences: [Equivalence]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case format, id, name, title, publisher, source, emergency, contacts, categories, equivalences
    }

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(besides: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(Int.self, forKey: .format)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        title = try container.decode(String.self, forKey: .title)
        publisher = try container.decode(String.self, forKey: .publisher)
        source = try container.decode(Source.self, forKey: .source)
        emergency = try container.decode(Emergency.self, forKey: .emergency)
        contacts = try container.decodeIfPresent([ContactEntry].self, forKey: .contacts) ?? []
        categories = try container.decode([Category].self, forKey: .categories)
        equivalences = try container.decodeIfPresent([Equivalence].self, forKey: .equivalences) ?? []
    }

    /// "In this county, doing `done-by` counts as `action`", with the printed words.
    struct Equivalence: Decodable {
        var action: String
        var doneBy: [String]
        var quote: String
        var reading: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case action, doneBy = "done-by", quote, reading
        }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(besides: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            action = try container.decode(String.self, forKey: .action)
            doneBy = try container.decode([String].self, forKey: .doneBy)
            quote = try container.decode(String.self, forKey: .quote)
            reading = try container.decodeIfPresent(String.self, forKey: .reading)
        }
    }

    struct Source: Decodable {
        var seed: String
        var printedVersion: String
        var reading: String?
        var citeAs: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case seed, printedVersion = "printed-version", reading, citeAs = "cite-as"
        }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(besides: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            seed = try container.decode(String.self, forKey: .seed)
            printedVersion = try container.decode(String.self, forKey: .printedVersion)
            reading = try container.decodeIfPresent(String.self, forKey: .reading)
            citeAs = try container.decodeIfPresent(String.self, forKey: .citeAs)
        }
    }

    struct Emergency: Decodable {
        var printed: Bool
        var wording: String
        var actions: [String]
        var reading: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case printed, wording, actions, reading
        }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(besides: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            printed = try container.decode(Bool.self, forKey: .printed)
            wording = try container.decode(String.self, forKey: .wording)
            actions = try container.decode([String].self, forKey: .actions)
            reading = try container.decodeIfPresent(String.self, forKey: .reading)
        }
    }

    struct ContactEntry: Decodable {
        var id: String
        var name: String
        var phone: String?
        var web: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, name, phone, web
        }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(besides: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            name = try container.decode(String.self, forKey: .name)
            phone = try container.decodeIfPresent(String.self, forKey: .phone)
            web = try container.decodeIfPresent(String.self, forKey: .web)
        }
    }

    struct Category: Decodable {
        var id: String
        var name: String
        var covers: [Situation]
        var criteria: [Criteria]
        var steps: [Step]
        var reading: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, name, covers, criteria, steps, reading
        }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(besides: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            name = try container.decode(String.self, forKey: .name)
            covers = try container.decode([Word<Situation>].self, forKey: .covers).map(\.value)
            criteria = try container.decodeIfPresent([Criteria].self, forKey: .criteria) ?? []
            steps = try container.decode([Step].self, forKey: .steps)
            reading = try container.decodeIfPresent(String.self, forKey: .reading)
        }
    }

    struct Criteria: Decodable {
        var id: String
        var title: String
        var threshold: Int
        var factors: [Factor]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, title, threshold, factors
        }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(besides: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            title = try container.decode(String.self, forKey: .title)
            threshold = try container.decode(Int.self, forKey: .threshold)
            factors = try container.decode([Factor].self, forKey: .factors)
        }
    }

    struct Factor: Decodable {
        var wording: String
        var indicators: [String]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case wording, indicators
        }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(besides: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            wording = try container.decode(String.self, forKey: .wording)
            indicators = try container.decode([String].self, forKey: .indicators)
        }
    }

    struct Step: Decodable {
        var number: Int
        var wording: String
        var actor: String?
        var actions: [String]
        var when: StepCondition?
        var unless: Exception?
        var contacts: [String]
        var reading: String?
        var label: String?
        var parts: [String: String]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case number, wording, actor, actions, when, unless, contacts, reading, label, parts
        }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(besides: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            number = try container.decode(Int.self, forKey: .number)
            wording = try container.decode(String.self, forKey: .wording)
            actor = try container.decodeIfPresent(String.self, forKey: .actor)
            actions = try container.decode([String].self, forKey: .actions)
            when = try container.decodeIfPresent(Word<StepCondition>.self, forKey: .when)?.value
            unless = try container.decodeIfPresent(Exception.self, forKey: .unless)
            contacts = try container.decodeIfPresent([String].self, forKey: .contacts) ?? []
            reading = try container.decodeIfPresent(String.self, forKey: .reading)
            label = try container.decodeIfPresent(String.self, forKey: .label)
            parts = try container.decodeIfPresent([String: String].self, forKey: .parts) ?? [:]
        }
    }

    struct Exception: Decodable {
        var condition: StepCondition
        var instead: Alternative

        enum CodingKeys: String, CodingKey, CaseIterable {
            case condition, instead
        }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(besides: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            condition = try container.decode(Word<StepCondition>.self, forKey: .condition).value
            instead = try container.decode(Alternative.self, forKey: .instead)
        }
    }

    struct Alternative: Decodable {
        var wording: String
        var actions: [String]
        var contacts: [String]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case wording, actions, contacts
        }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(besides: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            wording = try container.decode(String.self, forKey: .wording)
            actions = try container.decode([String].self, forKey: .actions)
            contacts = try container.decodeIfPresent([String].self, forKey: .contacts) ?? []
        }
    }
}

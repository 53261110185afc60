import ProtocolEngine

/// The shared vocabulary file as written (format 1), `Scoring/vocabulary.yaml`.
struct VocabularyFile: Decodable {
    static let supportedFormats = [1]

    var format: Int
    var actions: [ActionDefinition]
    var indicators: [IndicatorDefinition]
    var suspectedVictim: SuspicionRule

    enum CodingKeys: String, CodingKey, CaseIterable {
        case format, actions, indicators, suspectedVictim = "suspected-victim"
    }

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(besides: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(Int.self, forKey: .format)
        actions = try container.decode([Action].self, forKey: .actions).map(\.definition)
        indicators = try container.decode([Indicator].self, forKey: .indicators).map(\.definition)
        suspectedVictim = try container.decode(Suspicion.self, forKey: .suspectedVictim).rule
    }

    struct Action: Decodable {
        var definition: ActionDefinition

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, name, description
        }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(besides: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            definition = ActionDefinition(
                id: ActionID(try container.decode(String.self, forKey: .id)),
                name: try container.decode(String.self, forKey: .name),
                description: try container.decode(String.self, forKey: .description))
        }
    }

    struct Indicator: Decodable {
        var definition: IndicatorDefinition

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, kind, description, service
        }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(besides: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            definition = IndicatorDefinition(
                id: IndicatorID(try container.decode(String.self, forKey: .id)),
                kind: try container.decode(Word<IndicatorKind>.self, forKey: .kind).value,
                description: try container.decode(String.self, forKey: .description),
                service: try container.decodeIfPresent(String.self, forKey: .service))
        }
    }

    struct Suspicion: Decodable {
        var rule: SuspicionRule

        enum CodingKeys: String, CodingKey, CaseIterable {
            case directIndicators = "direct-indicators", warningSigns = "warning-signs"
        }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(besides: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            rule = SuspicionRule(
                directIndicators: try container.decode(Int.self, forKey: .directIndicators),
                warningSigns: try container.decode(Int.self, forKey: .warningSigns))
        }
    }
}

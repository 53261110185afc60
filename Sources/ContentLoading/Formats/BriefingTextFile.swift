import Briefing
import ProtocolEngine

/// The briefing's authored text as written (format 1), `Scoring/briefing.yaml`.
struct BriefingTextFile: Decodable {
    static let supportedFormats = [1]

    var version: Int
    var introduction: String
    var disclosureDo: [String]
    var disclosureDoNot: [String]
    var reporting: [CitedPoint]
    var why: [(id: String, value: String)]
    var siteContactBoxes: [SiteContactBox]
    var jurisdictions: [(id: String, value: [CountyPassage])]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case format, version, introduction, disclosure, reporting, why
        case siteContactSheet = "site-contact-sheet", jurisdictions
    }

    enum DisclosureKeys: String, CodingKey, CaseIterable {
        case toDo = "do", notToDo = "do-not"
    }

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(besides: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        _ = try container.decode(Int.self, forKey: .format)
        version = try container.decode(Int.self, forKey: .version)
        introduction = try container.decode(String.self, forKey: .introduction)
        let disclosureDecoder = try container.superDecoder(forKey: .disclosure)
        try disclosureDecoder.rejectUnknownKeys(besides: DisclosureKeys.self)
        let disclosure = try disclosureDecoder.container(keyedBy: DisclosureKeys.self)
        disclosureDo = try disclosure.decode([String].self, forKey: .toDo)
        disclosureDoNot = try disclosure.decode([String].self, forKey: .notToDo)
        reporting = try container.decode([Point].self, forKey: .reporting).map(\.point)
        why = try container.nestedContainer(keyedBy: IDKey.self, forKey: .why).entries(String.self)
        siteContactBoxes = try container.decode([Box].self, forKey: .siteContactSheet).map(\.box)
        jurisdictions =
            try container.decodeIfPresent(Passages.self, forKey: .jurisdictions)?.entries ?? []
    }

    struct Point: Decodable {
        var point: CitedPoint

        enum CodingKeys: String, CodingKey, CaseIterable { case text, cites }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(besides: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            point = CitedPoint(
                text: try container.decode(String.self, forKey: .text), cites: try container.decode(String.self, forKey: .cites))
        }
    }

    struct Box: Decodable {
        var box: SiteContactBox

        enum CodingKeys: String, CodingKey, CaseIterable { case id, label }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(besides: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            box = SiteContactBox(
                id: ContactID(try container.decode(String.self, forKey: .id)),
                label: try container.decode(String.self, forKey: .label))
        }
    }

    struct Passages: Decodable {
        var entries: [(id: String, value: [CountyPassage])]

        init(from decoder: any Decoder) throws {
            entries = try decoder.container(keyedBy: IDKey.self).entries([Passage].self).map { ($0.id, $0.value.map(\.passage)) }
        }
    }

    struct Passage: Decodable {
        var passage: CountyPassage

        enum CodingKeys: String, CodingKey, CaseIterable { case heading, source, entries }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(besides: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            passage = CountyPassage(
                heading: try container.decode(String.self, forKey: .heading),
                source: try container.decode(String.self, forKey: .source),
                entries: try container.decode([Entry].self, forKey: .entries).map(\.entry))
        }
    }

    struct Entry: Decodable {
        var entry: CountyPassageEntry

        enum CodingKeys: String, CodingKey, CaseIterable { case term, text, note }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(besides: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            entry = CountyPassageEntry(
                term: try container.decodeIfPresent(String.self, forKey: .term),
                text: try container.decode(String.self, forKey: .text),
                note: try container.decodeIfPresent(String.self, forKey: .note))
        }
    }

    /// Checks the ids against the library: every `why:` key is a vocabulary action and every
    /// vocabulary action has one; every jurisdiction key is a loaded protocol.
    func validated(against library: ProtocolLibrary, in document: YAMLDocument) throws(ContentError) -> BriefingText {
        var problems = ProblemCollector(document: document)
        let actions = library.vocabulary.actions.map(\.id.rawValue)
        for (id, _) in why where !actions.contains(id) {
            problems.report(.unknownAction(id, suggestion: closestMatch(to: id, among: actions)), at: keyPath("why", id))
        }
        for action in actions where !why.contains(where: { $0.id == action }) {
            problems.report(.missingKey(action, in: "`why`"), at: DocumentPath() / "why")
        }
        problems.reportDuplicates(siteContactBoxes.map(\.id.rawValue), kind: "site contact") {
            DocumentPath() / "site-contact-sheet" / $0 / "id"
        }
        for (id, _) in jurisdictions where library.jurisdiction(id) == nil {
            problems.report(.unknownJurisdiction(id, known: library.jurisdictionIDs), at: keyPath("jurisdictions", id))
        }
        try problems.finish()
        return BriefingText(
            version: version, introduction: introduction, disclosureDo: disclosureDo, disclosureDoNot: disclosureDoNot,
            reporting: reporting,
            why: Dictionary(why.map { (ActionID($0.id), $0.value) }, uniquingKeysWith: { first, _ in first }),
            siteContactBoxes: siteContactBoxes,
            countyPassages: Dictionary(
                jurisdictions.map { (JurisdictionID($0.id), $0.value) }, uniquingKeysWith: { first, _ in first }))
    }

    private func keyPath(_ mapping: String, _ key: String) -> DocumentPath { DocumentPath() / mapping / key }
}

/// A typed string id: an `ActionID` cannot be passed where an `IndicatorID` is expected.
///
/// (swift-tagged does the same, but under `MemberImportVisibility` every file using an id
/// would have to import it; this type lives in the engine that every layer imports.)
public struct Identifier<Tag>: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Ids as dictionary keys encode as JSON object keys.
extension Identifier: CodingKeyRepresentable {
    public var codingKey: any CodingKey { AnyCodingKey(stringValue: rawValue) }

    public init?<T: CodingKey>(codingKey: T) {
        self.init(codingKey.stringValue)
    }
}

private struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// The id of a jurisdiction's protocol, such as `marin` or `san-diego`.
public typealias JurisdictionID = Identifier<JurisdictionProtocol>

/// The id of a situation category within one protocol, such as `suspected-victim`.
public typealias CategoryID = Identifier<SituationCategory>

/// The id of an action in the shared vocabulary, such as `submit-mandated-report`.
public typealias ActionID = Identifier<ActionDefinition>

/// The id of an observable indicator in the shared vocabulary, such as `runaway-history`.
public typealias IndicatorID = Identifier<IndicatorDefinition>

/// The id of a contact printed on one protocol, such as `rape-trauma-services`.
public typealias ContactID = Identifier<Contact>

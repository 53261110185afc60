/// Decoding that refuses keys a format does not have, so a misspelt optional key
/// (`reeding:`) is reported instead of silently ignored.
struct UnknownKeyError: Error {
    var codingPath: [any CodingKey]
    var key: String
    var allowed: [String]
}

private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension Decoder {
    /// Throws ``UnknownKeyError`` for the first key of this mapping that `Keys` does not list.
    func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(besides keys: Keys.Type) throws {
        let allowed = Keys.allCases.map(\.stringValue)
        let container = try container(keyedBy: AnyKey.self)
        if let unknown = container.allKeys.first(where: { !allowed.contains($0.stringValue) }) {
            throw UnknownKeyError(codingPath: codingPath + [unknown], key: unknown.stringValue, allowed: allowed)
        }
    }
}

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
        // Our own decoder's mapping is read directly; a keyed container would cost more than
        // the decoding itself on a large bank.
        let present: [String] =
            if let pairs = (self as? NodeDecoder)?.node.pairs {
                pairs.compactMap { $0.key.scalar?.text }
            } else {
                try container(keyedBy: AnyKey.self).allKeys.map { $0.stringValue }
            }
        if let unknown = present.first(where: { Keys(stringValue: $0) == nil }) {
            throw UnknownKeyError(
                codingPath: codingPath + [AnyKey(stringValue: unknown)], key: unknown,
                allowed: Keys.allCases.map { $0.stringValue })
        }
    }
}

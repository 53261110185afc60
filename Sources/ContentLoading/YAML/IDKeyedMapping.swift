/// Any key of a mapping whose keys are ids (`why:` by action id, `contacts:` by contact id).
struct IDKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension KeyedDecodingContainer where Key == IDKey {
    /// The mapping's entries in file order, each value decoded as `T`.
    func entries<T: Decodable>(_ type: T.Type) throws -> [(id: String, value: T)] {
        try allKeys.map { key in (key.stringValue, try decode(type, forKey: key)) }
    }
}

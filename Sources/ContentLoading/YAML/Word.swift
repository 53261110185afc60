/// One word of a closed list (a situation, a condition, an indicator kind), decoded with an
/// error that names the allowed words.
struct Word<Value: RawRepresentable & CaseIterable>: Decodable where Value.RawValue == String {
    var value: Value

    init(from decoder: any Decoder) throws {
        let word = try decoder.singleValueContainer().decode(String.self)
        guard let value = Value(rawValue: word) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath, debugDescription: "invalid value",
                    underlyingError: InvalidValueError(value: word, allowed: Value.allCases.map(\.rawValue))))
        }
        self.value = value
    }
}

/// Thrown for a word that is not in its closed list.
struct InvalidValueError: Error {
    var value: String
    var allowed: [String]
}

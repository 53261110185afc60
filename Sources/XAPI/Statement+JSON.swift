import Foundation

extension Statement {
    /// `statements` as a JSON array with sorted keys and unescaped slashes: the same statements
    /// always give the same bytes.
    public static func json(_ statements: [Statement], pretty: Bool = false) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        // Every part is a string, a finite number, a Boolean, an array or an object: encoding
        // cannot fail. Were it to, nothing is queued in place of the statements.
        do {
            return try encoder.encode(statements)
        } catch {
            preconditionFailure("xAPI statements could not be encoded: \(error)")
        }
    }

    /// The statements in `data` (a JSON array), as ``json(_:pretty:)`` wrote them.
    public static func statements(fromJSON data: Data) throws -> [Statement] {
        try JSONDecoder().decode([Statement].self, from: data)
    }
}

/// The join code participants type: six characters from an alphabet without look-alikes
/// (no 0/O, 1/I/L), easy to read off a projector.
public struct JoinCode: Sendable, Hashable, CustomStringConvertible {
    static let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")

    public let text: String

    public init(using generator: inout some RandomNumberGenerator) {
        text = String((0..<6).map { _ in Self.alphabet.randomElement(using: &generator)! })
    }

    /// A code as a journal kept it; nil unless six characters of the alphabet.
    public init?(text: String) {
        guard text.count == 6, text.allSatisfy(Self.alphabet.contains) else { return nil }
        self.text = text
    }

    /// Whether `typed` is this code, ignoring case and spaces (people type "abc 234").
    public func matches(_ typed: String) -> Bool {
        typed.uppercased().filter { !$0.isWhitespace } == text
    }

    public var description: String { text }
}

/// A long random secret: the facilitator's (controls the session) or a participant's token
/// (answers for that participant only). 128 bits as 32 hex digits.
public struct SessionSecret: Sendable, Hashable {
    public let text: String

    public init(using generator: inout some RandomNumberGenerator) {
        let digits = Array("0123456789abcdef")
        text = String((0..<32).map { _ in digits[Int(generator.next() & 15)] })
    }

    public init(text: String) {
        self.text = text
    }
}

extension JoinCode: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let code = JoinCode(text: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a join code (six letters and digits)")
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

extension SessionSecret: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(text: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

/// The join code participants type: six characters from an alphabet without look-alikes
/// (no 0/O, 1/I/L), easy to read off a projector.
public struct JoinCode: Sendable, Hashable, CustomStringConvertible {
    static let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")

    public let text: String

    public init(using generator: inout some RandomNumberGenerator) {
        text = String((0..<6).map { _ in Self.alphabet.randomElement(using: &generator)! })
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

import Crypto
import Foundation
import RecordStore

/// A secret handed to one person or one browser: an invitation link's token or a session's
/// cookie. 32 random bytes (256 bits) written in base64url without padding, 43 characters of
/// `A-Z a-z 0-9 - _`, so it fits a link and a cookie unquoted. Only its SHA-256
/// (``storedHash``) is ever stored: a copy of the store opens no session and redeems no link.
public struct SecretToken: Sendable, Hashable, CustomStringConvertible {
    public static let byteCount = 32
    /// The length of ``text``.
    public static let length = 43

    /// The token as a link or cookie carries it.
    public let text: String

    /// A new token from `generator` (``SystemRandomNumberGenerator`` in the server; a seeded
    /// generator in tests).
    public init(using generator: inout some RandomNumberGenerator) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.byteCount)
        while bytes.count < Self.byteCount {
            withUnsafeBytes(of: generator.next() as UInt64) { bytes.append(contentsOf: $0) }
        }
        text = Self.base64URL(bytes)
    }

    /// The token in `text` (from a link or a cookie), or nil when it cannot be one of ours.
    public init?(_ text: String) {
        guard text.utf8.count == Self.length, text.utf8.allSatisfy(Self.isTokenCharacter) else { return nil }
        self.text = text
    }

    /// The SHA-256 of the token, in lower-case hexadecimal: what the store keeps.
    public var storedHash: String { Self.hash(text) }

    public var description: String { text }

    /// The SHA-256 of `text`, in lower-case hexadecimal.
    public static func hash(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).hexDigits
    }

    private static func isTokenCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default: false
        }
    }

    private static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}

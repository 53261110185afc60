import Crypto
import Foundation

/// A short, readable code derived from a record's signature (see ``SignedRecord/verificationCode``).
struct VerificationCode {
    /// Crockford's base 32: no I, L, O or U, so a code read aloud or typed is hard to get wrong.
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    let text: String

    init(signature: Data) {
        let digest = Array(SHA256.hash(data: signature))
        let bits = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) } >> 4
        let symbols = (0..<12).reversed().map { Self.alphabet[Int((bits >> (UInt64($0) * 5)) & 31)] }
        text = [symbols[0..<4], symbols[4..<8], symbols[8..<12]].map { String($0) }.joined(separator: "-")
    }
}

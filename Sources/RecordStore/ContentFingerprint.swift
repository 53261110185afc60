import Crypto
import Foundation

/// The SHA-256 of content as loaded (canonical JSON: sorted keys, no spaces), in hex: it names
/// the exact protocol or vignette bank a record was trained on, whatever the files' layout,
/// comments or formatting.
public enum ContentFingerprint {
    public static func sha256(of value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data()
        return SHA256.hash(data: data).hexDigits
    }
}

import Crypto
import Foundation

/// Statement ids derived from the record (RFC 4122 version 5: SHA-1 of a frozen namespace and
/// a name), so that exporting or sending a record again gives the same ids and an LRS stores
/// no duplicate. Names: `record:<record id, lowercase>:<verb>` and, for each answer,
/// `record:<record id>:answered:<position from 1>:<question id>`.
public enum StatementID {
    /// Frozen: `uuid5(NAMESPACE_URL, "https://github.com/csec-trainer/csec-trainer/blob/main/docs/xapi.md")`.
    /// Changing it would make every statement sent before a different statement.
    public static let namespace = UUID(uuidString: "ae2f0102-ece4-589a-a371-1fa3762b6f97")!

    /// The version 5 UUID of `name` in `namespace`, lowercase.
    public static func uuid5(_ name: String, in namespace: UUID = namespace) -> String {
        var bytes = withUnsafeBytes(of: namespace.uuid) { Array($0) }
        bytes += Array(name.utf8)
        var digest = Array(Insecure.SHA1.hash(data: bytes).prefix(16))
        digest[6] = (digest[6] & 0x0F) | 0x50
        digest[8] = (digest[8] & 0x3F) | 0x80
        let uuid = digest.withUnsafeBytes { UUID(uuid: $0.loadUnaligned(as: uuid_t.self)) }
        return uuid.uuidString.lowercased()
    }
}

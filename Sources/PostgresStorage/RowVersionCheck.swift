import Crypto
import Foundation
import RecordStore

/// That a row's signed file was hashed, and matched the digest its seal covers, while the row
/// was at one version: PostgreSQL's `xmin`, the transaction that wrote the row as it is now.
/// Any change to the row (its signed file or any column) writes a new version with another
/// `xmin`, which no statement can set back, so the report then hashes the signed file again.
/// This is to the database what the record file's identity (size, inode, change time) is to the
/// summary index: the report hashes only rows written or changed since they were last checked,
/// instead of a million signed files each time.
///
/// Kept in `record_checks` (migration 4) with an HMAC under a key derived from the installation
/// key, so that a check cannot be written without it. After a dump and restore every row has a
/// new version, and each is hashed once more. The version is the 32-bit transaction id: only
/// some four billion transactions later could a changed row have its old version again.
struct RowVersionCheck: Sendable {
    static let purpose = "csec-trainer row version check v1"

    /// An HMAC already keyed, copied for each row.
    private let keyedMAC: HMAC<SHA256>

    init(key: InstallationKey) {
        let derived = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: key.privateKey.rawRepresentation), info: Data(Self.purpose.utf8),
            outputByteCount: 32)
        keyedMAC = HMAC<SHA256>(key: derived)
    }

    /// The check of row `id` at `version`.
    func mac(id: UUID, version: Int64) -> Data {
        var mac = keyedMAC
        mac.update(data: Data("\(Self.purpose)|\(id.lowercasedText)|\(version)".utf8))
        return Data(mac.finalize())
    }

    /// Whether row `id` at `version` was checked.
    func holds(_ mac: Data, id: UUID, version: Int64) -> Bool {
        self.mac(id: id, version: version) == mac
    }
}

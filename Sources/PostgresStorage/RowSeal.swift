import Crypto
import Foundation
import RecordStore
import Records

/// The seal of a row of `completion_records`: an HMAC-SHA256, under a key derived (HKDF) from
/// the installation's private key, over the record id, the SHA-256 of the exact signed file,
/// the columns the report groups by and the summary it shows. A row is sealed when it is
/// written, after its record was signed here or verified; the report then checks the seals of
/// the rows it uses instead of their signatures. Without the installation key, a row cannot be
/// given a seal that checks out: someone who can write to the database but not read the key
/// cannot make an edited or inserted row pass.
struct RowSeal: Sendable {
    static let version = "csec-trainer row seal v1"

    /// The id of the installation key the seals are made with (column `seal_key`).
    let keyID: String
    /// An HMAC already keyed, copied for each row.
    private let keyedMAC: HMAC<SHA256>

    init(key: InstallationKey) {
        keyID = key.keyID
        let derived = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: key.privateKey.rawRepresentation), info: Data(Self.version.utf8),
            outputByteCount: 32)
        keyedMAC = HMAC<SHA256>(key: derived)
    }

    /// The seal of a row with these contents.
    func seal(digest: Data, columns: RecordColumns, summary: String) -> Data {
        var message: [UInt8] = []
        message.reserveCapacity(320 + summary.utf8.count)
        // Each field with its length first: no two rows' fields can run together alike.
        func append(_ field: some Collection<UInt8>) {
            message.append(contentsOf: String(field.count).utf8)
            message.append(UInt8(ascii: ":"))
            message.append(contentsOf: field)
        }
        append(Self.version.utf8)
        append(columns.id.lowercasedText.utf8)
        append(digest)
        append(columns.personKey.utf8)
        append(columns.employeeKey.utf8)
        append((columns.rosterNameKey.map { "=" + $0 } ?? "").utf8)
        // Microseconds, as PostgreSQL keeps a timestamptz.
        append(String(Int64((columns.completedAt.timeIntervalSince1970 * 1_000_000).rounded())).utf8)
        append(String(columns.utcOffsetSeconds).utf8)
        append(columns.completedOn.utf8)
        append((columns.completesTraining ? "1" : "0").utf8)
        append(summary.utf8)
        var mac = keyedMAC
        mac.update(data: message)
        return Data(mac.finalize())
    }

    /// Whether `seal` is the seal of a row with these contents.
    func checks(_ seal: Data, digest: Data, columns: RecordColumns, summary: String) -> Bool {
        self.seal(digest: digest, columns: columns, summary: summary) == seal
    }
}

import Certificates
import RecordStore

/// Why a certificate or credential does not verify, in words for whoever checks it.
public enum VerificationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The credential's signature or form does not check out.
    case credential(OpenBadgeError)
    /// The credential verifies, but the key that signed it is not one of the trusted keys.
    case untrustedKey(keyID: String, issuerName: String, trusted: [String])
    /// The credential is genuine but not valid on the day it is checked.
    case notValidToday(validFrom: String, validUntil: String?)
    /// The PDF carries no seal (made before certificates carried their signed record): it is
    /// checked against the record instead.
    case unsealed
    /// The PDF's seal or the record inside it does not check out.
    case sealBroken(reason: String)
    /// The record inside the seal, or the one a certificate names, does not verify.
    case record(RecordStoreError)
    /// The PDF names no csec-trainer record.
    case notACertificate
    /// A certificate made before seals: its code is not the code of the record it names.
    case codeMismatch(code: String, recordID: String, recordCode: String)
    /// A certificate made before seals: its pages are not the ones drawn from its record.
    case pagesChanged(recordID: String)
    /// The record this machine keeps under the certificate's record id is another file.
    case storedRecordDiffers(path: String)

    public var description: String {
        switch self {
        case .credential(let error):
            "\(error)"
        case .untrustedKey(let keyID, let issuerName, let trusted):
            "it is signed by key \(keyID) (it names its issuer \"\(issuerName)\"), which is not one of the keys it is "
                + "checked with (\(trusted.joined(separator: ", ")))"
        case .notValidToday(let validFrom, let validUntil):
            "the credential is not valid today: valid from \(validFrom)" + (validUntil.map { " until \($0)" } ?? "")
                + " (its signature checks out)"
        case .unsealed:
            "the PDF carries no signed record (it was made before certificates carried one), and its record is not "
                + "in the records given: check it where its record is kept"
        case .sealBroken(let reason):
            reason
        case .record(let error):
            error.description
        case .notACertificate:
            "not a csec-trainer certificate (it carries no record id and verification code)"
        case .codeMismatch(let code, let recordID, let recordCode):
            "the verification code \(code) does not match record \(recordID) (its code is \(recordCode))"
        case .pagesChanged(let recordID):
            "its pages are not the certificate of record \(recordID) (the text or layout was changed after it was exported)"
        case .storedRecordDiffers(let path):
            "the record it carries is not the one stored in \(path)"
        }
    }
}

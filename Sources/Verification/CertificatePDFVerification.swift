import Certificates
import Foundation
import RecordStore
import Records

/// Checks a PDF certificate by what it carries (``PDFCertificateSeal``), not by drawing it
/// again: so a genuine certificate verifies on any machine, whatever its cairo and fonts, with
/// the issuing district's or school's public key.
public enum CertificatePDFVerification {
    /// A certificate that checks out: the verdict, and the signed record it carries.
    public struct Verified: Sendable {
        public var verdict: Verdict
        public var record: SignedRecord
        /// The record file's bytes, exactly as stored where the certificate was made.
        public var recordFile: Data
    }

    /// The verdict on `pdf`, or what does not check out: the pages, the record, its key, or the
    /// two disagreeing.
    ///
    /// With `records` (a records directory), a record stored there under the certificate's
    /// record id must verify and be the very file the certificate carries; and a certificate
    /// made before certificates carried their record is checked against the record stored
    /// there, by drawing it again (without `records`, or without its record there, it throws
    /// ``VerificationError/unsealed``).
    public static func verify(
        _ pdf: Data, trusting keys: TrustedKeys, records: URL? = nil
    ) throws(VerificationError) -> Verified {
        let seal: PDFCertificateSeal
        let pages: Data
        switch PDFCertificateSeal.read(pdf) {
        case .unsealed: return try verifyUnsealed(pdf, trusting: keys, records: records)
        case .damaged(let reason): throw .sealBroken(reason: reason)
        case .sealed(let found, let signedPages): (seal, pages) = (found, signedPages)
        }
        if let problem = seal.check(pages: pages) { throw .sealBroken(reason: problem) }
        guard let recordFile = seal.recordFile else {
            throw .sealBroken(reason: "the record it carries is not base64 (the end of the file was changed)")
        }
        let signed: SignedRecord
        do {
            signed = try SignedRecord.read(recordFile, path: "the record it carries")
        } catch {
            throw .record(error)
        }
        if let problem = signed.problem(in: recordFile, trusting: keys) {
            throw .sealBroken(reason: "the record it carries does not verify: \(problem)")
        }
        guard let key = keys[signed.signature.keyID], seal.isSigned(by: key.publicKey) else {
            throw .sealBroken(reason: "its pages are not signed by the key that signed its record")
        }
        let record = signed.record
        let id = record.id.uuidString.lowercased()
        guard let reference = PDFCertificateReference(pdf: pages), reference.recordID == record.id,
            reference.verificationCode == signed.verificationCode
        else {
            throw .sealBroken(reason: "its pages do not name the record it carries (\(id), code \(signed.verificationCode))")
        }
        if let records {
            let file = records.appending(path: "\(id).json")
            if FileManager.default.fileExists(atPath: file.path) {
                let stored = try storedRecord(id, in: records, trusting: keys).stored
                guard stored.bytes == recordFile else { throw .storedRecordDiffers(path: file.path) }
            }
        }
        let verdict = Self.verdict(signed, key: key, printedIssuer: reference.issuerName)
        return Verified(verdict: verdict, record: signed, recordFile: recordFile)
    }

    /// A certificate made before certificates carried their record: checked against the record
    /// it names in `records`, by drawing it again and comparing the bytes.
    private static func verifyUnsealed(
        _ pdf: Data, trusting keys: TrustedKeys, records: URL?
    ) throws(VerificationError) -> Verified {
        guard let reference = PDFCertificateReference(pdf: pdf) else { throw .notACertificate }
        let id = reference.recordID.uuidString.lowercased()
        guard let records, FileManager.default.fileExists(atPath: records.appending(path: "\(id).json").path) else {
            throw .unsealed
        }
        let (stored, key) = try storedRecord(id, in: records, trusting: keys)
        guard stored.signed.verificationCode == reference.verificationCode else {
            throw .codeMismatch(code: reference.verificationCode, recordID: id, recordCode: stored.signed.verificationCode)
        }
        let expected = try? PDFCertificate().render(CertificateDetails(signed: stored.signed, issuer: reference.issuerName))
        guard expected == pdf else { throw .pagesChanged(recordID: id) }
        return Verified(
            verdict: verdict(stored.signed, key: key, printedIssuer: reference.issuerName), record: stored.signed,
            recordFile: stored.bytes)
    }

    /// The record `id` in `records`, verified with `keys`, and the key that signed it.
    private static func storedRecord(
        _ id: String, in records: URL, trusting keys: TrustedKeys
    ) throws(VerificationError) -> (stored: StoredRecord, key: TrustedKeys.Key) {
        let stored: StoredRecord
        do {
            stored = try RecordStore.find(id, in: records)
            try RecordStore.verify(stored, trusting: keys)
        } catch {
            throw .record(error)
        }
        guard let key = keys[stored.signed.signature.keyID] else {
            throw .record(.altered(path: stored.file.path, reason: "none of the keys it is checked with signed it"))
        }
        return (stored, key)
    }

    private static func verdict(_ signed: SignedRecord, key: TrustedKeys.Key, printedIssuer: String) -> Verdict {
        let record = signed.record
        return Verdict(
            person: record.trainee.name,
            training: "\(record.training.jurisdictionName) protocol (\(record.training.protocolVersion))",
            completedOn: record.completedAt.calendarDate.description,
            result: record.outcome.percent.map { "\($0)%" } ?? "attended", issuer: key.issuer ?? printedIssuer,
            keyID: key.keyID, verificationCode: signed.verificationCode)
    }
}

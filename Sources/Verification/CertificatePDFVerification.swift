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

    /// The verdict on `pdf`. Throws ``VerificationError/unsealed`` for a certificate made before
    /// certificates carried their record (check it against the record instead), and otherwise
    /// says what does not check out: the pages, the record, its key, or the two disagreeing.
    public static func verify(_ pdf: Data, trusting keys: TrustedKeys) throws(VerificationError) -> Verified {
        let seal: PDFCertificateSeal
        let pages: Data
        switch PDFCertificateSeal.read(pdf) {
        case .unsealed: throw .unsealed
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
        let verdict = Verdict(
            person: record.trainee.name,
            training: "\(record.training.jurisdictionName) protocol (\(record.training.protocolVersion))",
            completedOn: record.completedAt.calendarDate.description,
            result: record.outcome.percent.map { "\($0)%" } ?? "attended", issuer: key.issuer ?? reference.issuerName,
            keyID: key.keyID, verificationCode: signed.verificationCode)
        return Verified(verdict: verdict, record: signed, recordFile: recordFile)
    }
}

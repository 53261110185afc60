import ArgumentParser
import Certificates
import Foundation
import RecordStore
import Records

/// Writes certificates of stored records: each record is verified first, and only a record that
/// documents completed training (a passing attempt, or group attendance) gets one.
struct CertificateWriter {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case pdf, openbadge

        var fileExtension: String { self == .pdf ? "pdf" : "jwt" }
    }

    let store: RecordStore
    var format = Format.pdf
    /// Who issues it, as printed: a district or school.
    var issuer = "csec-trainer"
    var validity = OpenBadgeValidity.oneYearAfterCompletion

    /// Writes the certificate of `stored` to `file`.
    func write(_ stored: StoredRecord, to file: URL) throws(CertificateWriteError) {
        let details = try checkedDetails(stored)
        do {
            switch format {
            case .pdf:
                try PDFCertificate(sealing: stored.bytes, with: store.key.privateKey).write(details, to: file)
            case .openbadge:
                try Data((try token(details) + "\n").utf8).write(to: file, options: .atomic)
            }
        } catch {
            throw .cannotWrite(path: file.path, reason: "\(error)")
        }
    }

    /// The certificate of `stored` as bytes (`--out -`): the PDF, or the credential and a newline.
    func certificate(of stored: StoredRecord) throws(CertificateWriteError) -> Data {
        let details = try checkedDetails(stored)
        do {
            switch format {
            case .pdf: return try PDFCertificate(sealing: stored.bytes, with: store.key.privateKey).render(details)
            case .openbadge: return Data((try token(details) + "\n").utf8)
            }
        } catch {
            throw .cannotWrite(path: "standard output", reason: "\(error)")
        }
    }

    /// The details of `stored` once its record is verified and documents completed training.
    private func checkedDetails(_ stored: StoredRecord) throws(CertificateWriteError) -> CertificateDetails {
        do {
            try store.verify(stored)
        } catch {
            throw .record(error)
        }
        guard stored.record.outcome.completesTraining else {
            throw .notCompleted(record: stored.record.id, result: stored.record.resultDescription)
        }
        return CertificateDetails(stored, issuer: issuer)
    }

    /// The Open Badges credential of `details`, signed as a VC-JWT.
    private func token(_ details: CertificateDetails) throws -> String {
        let credential = OpenBadgeCredential(details: details, issuerKey: store.key.publicKey, validity: validity)
        let key = store.key.privateKey
        return try waitFor { try await OpenBadgeJWT.sign(credential, with: key) }
    }

    /// Writes the certificate of `stored` into `directory` (created if missing), named after the
    /// trainee and the record id; returns the file.
    func write(_ stored: StoredRecord, into directory: URL) throws(CertificateWriteError) -> URL {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: directory.path, reason: error.localizedDescription)
        }
        let record = stored.record
        let name = "\(record.trainee.name.fileNameSafe)-\(record.id.uuidString.lowercased().prefix(8))"
        let file = directory.appending(path: name + "." + format.fileExtension)
        try write(stored, to: file)
        return file
    }
}

/// Why a certificate was not written, in words for the trainer.
enum CertificateWriteError: Error, CustomStringConvertible {
    case record(RecordStoreError)
    case notCompleted(record: UUID, result: String)
    case cannotWrite(path: String, reason: String)

    var description: String {
        switch self {
        case .record(let error):
            error.description
        case .notCompleted(let record, let result):
            "error: record \(record.uuidString.lowercased().prefix(8)) did not pass (\(result)); "
                + "certificates are for passing attempts and group attendance."
        case .cannotWrite(let path, let reason):
            "\(path): error: cannot write the certificate: \(reason)"
        }
    }
}

extension String {
    /// Letters, digits and dashes only, for a file name ("José Núñez" → "José-Núñez").
    var fileNameSafe: String {
        split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-")
    }
}

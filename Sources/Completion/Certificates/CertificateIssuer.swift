import Certificates
import Foundation
import RecordStore
import Records
import Verification

/// Issues certificates of stored records: each record is verified against the installation's
/// key first, and only a record that documents completed training (a passing attempt, or group
/// attendance) gets one.
public struct CertificateIssuer: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case pdf, openbadge

        public var fileExtension: String { self == .pdf ? "pdf" : "jwt" }
    }

    public let key: InstallationKey
    public var format: Format
    /// Who issues it, as printed: a district or school.
    public var issuer: String
    public var validity: OpenBadgeValidity

    public init(
        key: InstallationKey, format: Format = .pdf, issuer: String = "csec-trainer",
        validity: OpenBadgeValidity = .oneYearAfterCompletion
    ) {
        self.key = key
        self.format = format
        self.issuer = issuer
        self.validity = validity
    }

    /// The certificate of `signed` as bytes: the PDF, or the credential and a newline.
    public func certificate(of signed: SignedRecord) async throws(CertificateError) -> Data {
        let (details, bytes) = try checkedDetails(signed)
        do {
            switch format {
            case .pdf: return try PDFCertificate(sealing: bytes, with: key.privateKey).render(details)
            case .openbadge: return Data((try await token(details) + "\n").utf8)
            }
        } catch {
            throw .cannotMake(reason: "\(error)")
        }
    }

    /// Writes the certificate of `signed` to `file`.
    public func write(_ signed: SignedRecord, to file: URL) async throws(CertificateError) {
        let (details, bytes) = try checkedDetails(signed)
        do {
            switch format {
            case .pdf:
                try PDFCertificate(sealing: bytes, with: key.privateKey).write(details, to: file)
            case .openbadge:
                try Data((try await token(details) + "\n").utf8).write(to: file, options: .atomic)
            }
        } catch {
            throw .cannotWrite(path: file.path, reason: FileProblem.words(for: error))
        }
    }

    /// Writes the certificate of `signed` into `directory` (created if missing), named after the
    /// trainee and the record id; returns the file.
    public func write(_ signed: SignedRecord, into directory: URL) async throws(CertificateError) -> URL {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: directory.path, reason: FileProblem.words(for: error))
        }
        let record = signed.record
        let name = "\(record.trainee.name.fileNameSafe)-\(record.id.uuidString.lowercased().prefix(8))"
        let file = directory.appending(path: name + "." + format.fileExtension)
        try await write(signed, to: file)
        return file
    }

    /// The details of `signed`, and its signed bytes (which a PDF carries, sealed), once its
    /// record is verified and documents completed training.
    private func checkedDetails(_ signed: SignedRecord) throws(CertificateError) -> (CertificateDetails, Data) {
        guard let bytes = try? signed.fileContents() else {
            throw .notVerified(record: signed.record.id, reason: "it cannot be read back as signed")
        }
        if let problem = signed.problem(in: bytes, trusting: key.publicKey) {
            throw .notVerified(record: signed.record.id, reason: problem)
        }
        guard signed.record.outcome.completesTraining else {
            throw .notCompleted(record: signed.record.id, result: signed.record.resultDescription)
        }
        return (CertificateDetails(signed: signed, issuer: issuer), bytes)
    }

    /// The Open Badges credential of `details`, signed as a VC-JWT.
    private func token(_ details: CertificateDetails) async throws -> String {
        let credential = OpenBadgeCredential(details: details, issuerKey: key.publicKey, validity: validity)
        return try await OpenBadgeJWT.sign(credential, with: key.privateKey)
    }
}

/// Why a certificate was not made, in words for the trainer.
public enum CertificateError: Error, Sendable, Equatable, CustomStringConvertible {
    case notVerified(record: UUID, reason: String)
    case notCompleted(record: UUID, result: String)
    case cannotMake(reason: String)
    case cannotWrite(path: String, reason: String)
    /// No record of the group session completes training.
    case noSessionRecords(session: String, location: String)

    public var description: String {
        switch self {
        case .notVerified(let record, let reason):
            "error: record \(record.uuidString.lowercased().prefix(8)) does not verify (\(reason)), so it gets no certificate."
        case .notCompleted(let record, let result):
            "error: record \(record.uuidString.lowercased().prefix(8)) did not pass (\(result)); "
                + "certificates are for passing attempts and group attendance."
        case .cannotMake(let reason):
            "error: the certificate could not be made: \(reason)."
        case .cannotWrite(let path, let reason):
            "\(path): error: cannot write the certificate: \(reason)."
        case .noSessionRecords(let session, let location):
            "error: no passing or attendance records of group session '\(session)' in \(location)."
        }
    }
}

extension String {
    /// Letters, digits and dashes only, for a file name ("José Núñez" → "José-Núñez").
    var fileNameSafe: String {
        split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-")
    }
}

import ArgumentParser
import Certificates
import Completion
import Foundation
import RecordStore
import Records

struct CertificateVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a PDF certificate's verification code, or an Open Badges credential's signature.",
        discussion: """
            A PDF passes when the record it names is in this installation's records, is \
            exactly as signed, gives the same verification code, and the PDF is byte for byte \
            the certificate csec-trainer makes from that record (so nothing on the page was \
            changed). A credential (.jwt) passes when its signature is this installation's key \
            and it has not expired. Exit status 1 otherwise.
            """)

    @Argument(help: "The certificate: a .pdf, or an Open Badges credential (.jwt).") var file: String
    @OptionGroup var data: DataOptions

    func run() throws {
        guard let contents = FileManager.default.contents(atPath: file) else {
            throw ValidationError("Cannot read \(file).")
        }
        let store = try data.recordStore()
        if contents.starts(with: Data("%PDF".utf8)) {
            try verifyPDF(contents, store: store)
        } else {
            try verifyCredential(contents, store: store)
        }
    }

    private func verifyPDF(_ contents: Data, store: RecordStore) throws {
        guard let reference = PDFCertificateReference(pdf: contents) else {
            throw failure("not a csec-trainer certificate (it carries no record id and verification code)")
        }
        let stored = try reportingStoreErrors { try store.find(reference.recordID.uuidString.lowercased()) }
        try reportingStoreErrors { try store.verify(stored) }
        guard stored.signed.verificationCode == reference.verificationCode else {
            throw failure(
                "the verification code \(reference.verificationCode) does not match record "
                    + "\(reference.recordID.uuidString.lowercased()) (its code is \(stored.signed.verificationCode))")
        }
        let expected = try? PDFCertificate().render(CertificateDetails(stored.signed, issuer: reference.issuerName))
        guard expected == contents else {
            throw failure(
                "its pages are not the certificate of record \(reference.recordID.uuidString.lowercased()) "
                    + "(the text or layout was changed after it was exported)")
        }
        print(
            "valid: \(stored.record.trainee.name), \(stored.record.training.jurisdictionName), completed "
                + "\(stored.record.completedAt.calendarDate), \(stored.record.outcome.percent.map { "\($0)%" } ?? "attended"), code \(reference.verificationCode)"
        )
    }

    private func verifyCredential(_ contents: Data, store: RecordStore) throws {
        let token = String(decoding: contents, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let key = store.key.publicKey
        let credential: OpenBadgeCredential
        do {
            credential = try waitFor { try await OpenBadgeJWT.verify(token, expectedIssuerKey: key) }
        } catch {
            throw failure(String(describing: error))
        }
        guard credential.isValid(at: Date()) else {
            throw failure(
                "the credential is not valid today: valid from \(credential.validFrom.text)"
                    + (credential.validUntil.map { " until \($0.text)" } ?? "") + " (its signature is this installation's)")
        }
        print("valid: \(credential.name), issued by \(credential.issuer.name), from \(credential.validFrom.text)")
    }

    /// Prints why `file` fails; the command then exits with status 1.
    private func failure(_ reason: String) -> ExitCode {
        StandardError.print("\(file): error: \(reason).")
        return .failure
    }
}

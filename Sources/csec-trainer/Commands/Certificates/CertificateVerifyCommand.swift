import ArgumentParser
import Certificates
import Foundation
import RecordStore
import Records
import Verification

struct CertificateVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a PDF certificate or an Open Badges credential, on any machine with --key.",
        discussion: """
            A PDF passes when the signed record it carries verifies with the key, its pages are \
            the ones signed with that key when it was exported, and they name that record and \
            its verification code; nothing is drawn again, so the result does not depend on \
            this machine's cairo or fonts. A PDF made before certificates carried their record \
            passes when the record it names is in the records (see --data-dir), is exactly as \
            signed, and the PDF is byte for byte the certificate made from it. A credential \
            (.jwt) passes when its signature is the key's and it has not expired. The key is \
            this installation's, or with --key a district's or school's (`keys export`, or a key \
            set). Exit status 1 otherwise.
            """)

    @Argument(help: "The certificate: a .pdf, or an Open Badges credential (.jwt).") var file: String
    @OptionGroup var key: KeyFileOptions
    @OptionGroup var data: DataOptions

    func run() throws {
        guard let contents = FileManager.default.contents(atPath: file) else {
            throw ValidationError("Cannot read \(file).")
        }
        let given = try key.trustedKeys()
        let store = given == nil ? try data.recordStore() : nil
        let keys = given ?? store.map { TrustedKeys(installationKey: $0.key) } ?? TrustedKeys([])
        if contents.starts(with: Data("%PDF".utf8)) {
            try verifyPDF(contents, trusting: keys, store: store)
        } else {
            let token = String(decoding: contents, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            do {
                let verdict = try waitFor { try await CredentialVerification.verify(token, trusting: keys, now: Date()) }
                print("valid: \(verdict.text)")
            } catch {
                throw failure(String(describing: error))
            }
        }
    }

    private func verifyPDF(_ contents: Data, trusting keys: TrustedKeys, store: RecordStore?) throws {
        do {
            let verified = try CertificatePDFVerification.verify(contents, trusting: keys)
            // On the machine that made it, the record it carries must also be the one stored.
            let id = verified.record.record.id
            if let store, FileManager.default.fileExists(atPath: store.file(for: id).path) {
                let stored = try reportingStoreErrors { try store.find(id.uuidString.lowercased()) }
                try reportingStoreErrors { try store.verify(stored) }
                guard stored.bytes == verified.recordFile else {
                    throw failure("the record it carries is not the one stored in \(stored.file.path)")
                }
            }
            print("valid: \(verified.verdict.text)")
        } catch VerificationError.unsealed {
            try verifyUnsealedPDF(contents, trusting: keys)
        } catch let error as VerificationError {
            throw failure(error.description)
        }
    }

    /// A certificate made before certificates carried their record: checked against the record
    /// it names, by drawing it again and comparing the bytes.
    private func verifyUnsealedPDF(_ contents: Data, trusting keys: TrustedKeys) throws {
        guard let reference = PDFCertificateReference(pdf: contents) else {
            throw failure("not a csec-trainer certificate (it carries no record id and verification code)")
        }
        let id = reference.recordID.uuidString.lowercased()
        let directory = RecordStore.directory(in: data.directory)
        let stored = try reportingStoreErrors { try RecordStore.find(id, in: directory) }
        try reportingStoreErrors { try RecordStore.verify(stored, trusting: keys) }
        guard stored.signed.verificationCode == reference.verificationCode else {
            throw failure(
                "the verification code \(reference.verificationCode) does not match record \(id) "
                    + "(its code is \(stored.signed.verificationCode))")
        }
        let expected = try? PDFCertificate().render(CertificateDetails(stored, issuer: reference.issuerName))
        guard expected == contents else {
            throw failure(
                "its pages are not the certificate of record \(id) (the text or layout was changed after it was exported)")
        }
        let record = stored.record
        let key = keys[stored.signed.signature.keyID]
        let verdict = Verdict(
            person: record.trainee.name,
            training: "\(record.training.jurisdictionName) protocol (\(record.training.protocolVersion))",
            completedOn: record.completedAt.calendarDate.description,
            result: record.outcome.percent.map { "\($0)%" } ?? "attended", issuer: key?.issuer ?? reference.issuerName,
            keyID: stored.signed.signature.keyID, verificationCode: reference.verificationCode)
        print("valid: \(verdict.text)")
    }

    /// Prints why `file` fails; the command then exits with status 1.
    private func failure(_ reason: String) -> ExitCode {
        StandardError.print("\(file): error: \(reason).")
        return .failure
    }
}

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
        let records = store?.directory ?? RecordStore.directory(in: data.directory)
        do {
            let verified = try CertificatePDFVerification.verify(contents, trusting: keys, records: records)
            print("valid: \(verified.verdict.text)")
        } catch .record(let error) {
            StandardError.print(error.description)
            throw ExitCode.failure
        } catch {
            throw failure(error.description)
        }
    }

    /// Prints why `file` fails; the command then exits with status 1.
    private func failure(_ reason: String) -> ExitCode {
        StandardError.print("\(file): error: \(reason).")
        return .failure
    }
}

import ArgumentParser
import Certificates
import Completion
import Foundation
import RecordStore
import Records

struct CertificateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certificate",
        abstract: "Export a certificate of completion: a PDF, or an Open Badges 3.0 credential.",
        discussion: """
            The certificate is made from a passing completion record, or a record of group attendance \
            (see `records list`). A PDF \
            shows the record id and a verification code; `certificate verify FILE` checks them \
            against the signed record. An Open Badges credential (--format openbadge) is a \
            VC-JWT signed with this installation's key; its issuer is that key's did:key.

            Examples:
              csec-trainer certificate 15d3c0a0 --out certificate.pdf
              csec-trainer certificate 15d3c0a0 --format openbadge --out certificate.jwt
              csec-trainer certificate 15d3c0a0 --out - | lpr
              csec-trainer certificate --session ROOM-7 --out certificates/
              csec-trainer certificate verify certificate.pdf
            """,
        subcommands: [CertificateExportCommand.self, CertificateVerifyCommand.self],
        defaultSubcommand: CertificateExportCommand.self
    )
}

struct CertificateExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the certificate of one record, or of every attendee of a group session.")

    @Argument(help: "The record id (or its first characters).") var id: String?
    @Option(
        help: "Every record of this group session that passed or attended, one file each, into the --out directory.")
    var session: String?
    @Option(
        help: ArgumentHelp("The file to write, or - for standard output (with --session: the directory).", valueName: "path"))
    var out: String
    @Option(help: "pdf, or openbadge (an Open Badges 3.0 credential as a VC-JWT).") var format: CertificateIssuer.Format =
        .pdf
    @Option(help: "Who issues it, as printed: your district or school (default: csec-trainer).") var issuer = "csec-trainer"
    @Flag(help: "Open Badges: no expiry date (default: valid for one year).") var noExpiry = false
    @OptionGroup var data: DataOptions

    func validate() throws {
        if (id == nil) == (session == nil) { throw ValidationError("Give a record id, or --session ID (not both).") }
        if session != nil, out == "-" { throw ValidationError("--session writes one file per attendee: give --out a directory.") }
    }

    func run() throws {
        let store = try data.recordStore()
        let issuer = CertificateIssuer(
            key: store.key, format: format, issuer: issuer, validity: noExpiry ? .noExpiry : .oneYearAfterCompletion)
        if let id {
            let stored = try reportingStoreErrors { try store.find(id) }
            try reportingStoreErrors { try store.verify(stored) }
            let (name, code) = (stored.record.trainee.name, stored.signed.verificationCode)
            if out == "-" {
                let certificate = try reportingCertificateErrors {
                    try waitFor { try await issuer.certificate(of: stored.signed) }
                }
                FileHandle.standardOutput.write(certificate)
                StandardError.print("Wrote the certificate for \(name) (verification code \(code)).")
                return
            }
            let file = URL(filePath: out)
            try reportingCertificateErrors { try waitFor { try await issuer.write(stored.signed, to: file) } }
            print("Wrote \(out) for \(name) (verification code \(code)).")
            return
        }
        let (directory, sessionID) = (URL(filePath: out, directoryHint: .isDirectory), session ?? "")
        let files = try reportingCertificateErrors {
            try waitFor { try await issuer.writeCertificates(ofSession: sessionID, in: store, into: directory) }
        }
        print("Wrote \(files.count) certificates to \(directory.path).")
    }
}

extension CertificateIssuer.Format: ExpressibleByArgument {}

/// Runs `body`, printing a certificate error and exiting with failure if it throws one.
func reportingCertificateErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as CertificateError {
        StandardError.print(error.description)
        throw ExitCode.failure
    }
}

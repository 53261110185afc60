import ArgumentParser
import Certificates
import Foundation
import RecordStore
import Records

struct CertificateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certificate",
        abstract: "Export a certificate of completion: a PDF, or an Open Badges 3.0 credential.",
        discussion: """
            The certificate is made from a passing completion record (see `records list`). A PDF \
            shows the record id and a verification code; `certificate verify FILE` checks them \
            against the signed record. An Open Badges credential (--format openbadge) is a \
            VC-JWT signed with this installation's key; its issuer is that key's did:key.

            Examples:
              csec-trainer certificate 15d3c0a0 --out certificate.pdf
              csec-trainer certificate 15d3c0a0 --format openbadge --out certificate.jwt
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

    enum Format: String, ExpressibleByArgument, CaseIterable { case pdf, openbadge }

    @Argument(help: "The record id (or its first characters).") var id: String?
    @Option(help: "Every passing record of this group session, one file each, into the --out directory.")
    var session: String?
    @Option(help: ArgumentHelp("The file to write (with --session: the directory).", valueName: "path")) var out: String
    @Option(help: "pdf, or openbadge (an Open Badges 3.0 credential as a VC-JWT).") var format: Format = .pdf
    @Option(help: "Who issues it, as printed: your district or school (default: csec-trainer).") var issuer = "csec-trainer"
    @Flag(help: "Open Badges: no expiry date (default: valid for one year).") var noExpiry = false
    @OptionGroup var data: DataOptions

    func validate() throws {
        if (id == nil) == (session == nil) { throw ValidationError("Give a record id, or --session ID (not both).") }
    }

    func run() throws {
        let store = try data.recordStore()
        if let id {
            let stored = try reportingStoreErrors { try store.find(id) }
            try export(stored, to: URL(filePath: out), store: store)
            print("Wrote \(out) for \(stored.record.trainee.name) (verification code \(stored.signed.verificationCode)).")
            return
        }
        let attendees = store.loadAll().records.filter { $0.record.mode.sessionID == session && $0.record.score.passed }
        guard !attendees.isEmpty else {
            throw ValidationError("No passing records of group session '\(session ?? "")' in \(store.directory.path).")
        }
        let directory = URL(filePath: out, directoryHint: .isDirectory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for stored in attendees {
            let name = "\(stored.record.trainee.name.fileNameSafe)-\(stored.record.id.uuidString.lowercased().prefix(8))"
            try export(stored, to: directory.appending(path: name + (format == .pdf ? ".pdf" : ".jwt")), store: store)
        }
        print("Wrote \(attendees.count) certificates to \(directory.path).")
    }

    private func export(_ stored: StoredRecord, to file: URL, store: RecordStore) throws {
        try reportingStoreErrors { try store.verify(stored) }
        guard stored.record.score.passed else {
            StandardError.print(
                "error: record \(stored.record.id.uuidString.lowercased().prefix(8)) did not pass "
                    + "(\(stored.record.score.percent)%); certificates are for passing attempts.")
            throw ExitCode.failure
        }
        let details = CertificateDetails(stored, issuer: issuer)
        do {
            switch format {
            case .pdf:
                try PDFCertificate().write(details, to: file)
            case .openbadge:
                let credential = OpenBadgeCredential(
                    details: details, issuerKey: store.key.publicKey,
                    validity: noExpiry ? .noExpiry : .oneYearAfterCompletion)
                let key = store.key.privateKey
                let token = try waitFor { try await OpenBadgeJWT.sign(credential, with: key) }
                try Data((token + "\n").utf8).write(to: file, options: .atomic)
            }
        } catch {
            StandardError.print("\(file.path): error: \(error)")
            throw ExitCode.failure
        }
    }
}

extension String {
    /// Letters, digits and dashes only, for a file name ("José Núñez" → "José-Núñez").
    var fileNameSafe: String {
        split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-")
    }
}

import Accounts
import ArgumentParser
import Completion
import Foundation
import PostgresStorage
import Storage

struct RecordsExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract:
            "Write every record that verifies as its signed file, to move records to another machine or backend, or as xAPI statements.",
        discussion: """
            Each record is written as <id>.json, byte for byte as signed, so that `records \
            import` elsewhere verifies it. A record that does not verify is reported and left \
            out (exit status 1). Where the district server keeps accounts (the database, or \
            accounts/ in the data directory), the export is written to their audit log.

            With --format xapi, every record becomes xAPI 1.0.3 statements (initialized, \
            answered, passed or failed, completed, terminated; attended for group attendance), \
            written as one JSON array to --out FILE or to the standard output, e.g.
              csec-trainer records export --format xapi \\
                --district-url https://www.district.org --out statements.json
            The statements' ids come from the records, so a second export gives the same \
            statements. To send them to a learning record store, use `records send`. See docs/xapi.md.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case records
        case xapi
    }

    @Option(help: "records: the signed record files (default); xapi: xAPI statements as one JSON array.")
    var format = Format.records
    @Option(
        help: ArgumentHelp(
            "The directory to write the files to (made when missing); with --format xapi, the JSON file (default: the standard output).",
            valueName: "path"))
    var out: String?
    @OptionGroup var xapi: XAPIOptions
    @OptionGroup var content: ContentOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var data: DataOptions

    func validate() throws {
        if format == .records, out == nil {
            throw ValidationError("Give the directory to write the record files to with --out DIR.")
        }
        if format == .xapi { _ = try xapi.homePage() }
    }

    func run() throws {
        if format == .xapi { return try exportStatements() }
        guard let out else { return }
        let store = try data.recordStore()
        let (address, target, dataDirectory) = (database.address, URL(filePath: out), data.directory)
        let actor = ProcessInfo.processInfo.userName
        let (files, auditProblem) = try reportingStorageErrors {
            try waitFor { () async throws -> (RecordExport.WrittenFiles, AccountError?) in
                try await RecordBackend.using(databaseAddress: address, store: store) { backend async throws(StorageError) in
                    let files = try await RecordExport(records: backend.repository).write(into: target)
                    let event = RecordExport.auditEvent(
                        count: files.exported, leftOut: files.problems.count, by: actor, via: .commandLine, at: Date())
                    return (files, await backend.audit(event, dataDirectory: dataDirectory))
                }
            }
        }
        for problem in files.problems { StandardError.print(problem.description) }
        print(
            "\(files.written) record files written to \(target.path), \(files.unchanged) already there; \(files.problems.count) left out."
        )
        if let auditProblem {
            StandardError.print("error: the export could not be written to the audit log: \(auditProblem.description)")
            throw ExitCode.failure
        }
        if !files.problems.isEmpty { throw ExitCode.failure }
    }
}

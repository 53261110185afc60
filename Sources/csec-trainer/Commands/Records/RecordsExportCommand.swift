import Accounts
import ArgumentParser
import Completion
import Foundation
import PostgresStorage
import Storage

struct RecordsExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every record that verifies as its signed file, to move records to another machine or backend.",
        discussion: """
            Each record is written as <id>.json, byte for byte as signed, so that `records \
            import` elsewhere verifies it. A record that does not verify is reported and left \
            out (exit status 1). Where the district server keeps accounts (the database, or \
            accounts/ in the data directory), the export is written to their audit log.
            """)

    @Option(help: ArgumentHelp("The directory to write the files to (made when missing).", valueName: "dir")) var out: String
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var data: DataOptions

    func run() throws {
        let store = try data.recordStore()
        let (address, target, dataDirectory) = (database.address, URL(filePath: out), data.directory)
        let actor = ProcessInfo.processInfo.userName
        let (files, auditProblem) = try reportingStorageErrors {
            try waitFor { () async throws -> (RecordExport.WrittenFiles, AccountError?) in
                try await RecordBackend.using(databaseAddress: address, store: store) { backend async throws(StorageError) in
                    let files = try await RecordExport(records: backend.repository).write(into: target)
                    let event = RecordExport.auditEvent(
                        count: files.exported, leftOut: files.problems.count, by: actor, via: .commandLine, at: Date())
                    do throws(AccountError) {
                        try await backend.existingAccountStore(dataDirectory: dataDirectory)?.appendAudit(event)
                        return (files, nil)
                    } catch {
                        return (files, error)
                    }
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

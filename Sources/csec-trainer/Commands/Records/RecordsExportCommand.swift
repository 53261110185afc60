import ArgumentParser
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
            out (exit status 1).
            """)

    @Option(help: ArgumentHelp("The directory to write the files to (made when missing).", valueName: "dir")) var out: String
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var data: DataOptions

    func run() throws {
        let store = try data.recordStore()
        let (address, target) = (database.address, URL(filePath: out))
        let (written, unchanged, problems) = try reportingStorageErrors {
            try waitFor { () async throws -> (Int, Int, [StorageError]) in
                try await RecordBackend.using(databaseAddress: address, store: store) { backend async throws(StorageError) in
                    var (written, unchanged) = (0, 0)
                    let problems = try await backend.repository.forEachRecord { record throws(StorageError) in
                        if try SignedRecordFile.export(record, into: target) { written += 1 } else { unchanged += 1 }
                    }
                    return (written, unchanged, problems)
                }
            }
        }
        for problem in problems { StandardError.print(problem.description) }
        print("\(written) record files written to \(target.path), \(unchanged) already there; \(problems.count) left out.")
        if !problems.isEmpty { throw ExitCode.failure }
    }
}

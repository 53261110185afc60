import ArgumentParser
import Completion
import Foundation
import PostgresStorage
import Storage
import XAPI

extension RecordsExportCommand {
    /// `--format xapi`: every record's statements, as one JSON array.
    func exportStatements() throws {
        let actors = try xapi.actors()
        let training = xapi.trainingContent(from: content)
        let (statements, problems) = try database.using(data) { backend async throws(StorageError) in
            try await StatementExport(records: backend.repository, actors: actors, content: training).allStatements()
        }
        for problem in problems { StandardError.print(problem.description) }
        let json = Statement.json(statements, pretty: true) + Data("\n".utf8)
        if let out {
            do {
                try json.write(to: URL(filePath: out), options: .atomic)
            } catch {
                StandardError.print("error: \(out) could not be written: \(error.localizedDescription)")
                throw ExitCode.failure
            }
            let records = Set(statements.compactMap { $0.context?.registration }).count
            print("\(statements.count) xAPI statements of \(records) records written to \(out); \(problems.count) left out.")
        } else {
            FileHandle.standardOutput.write(json)
        }
        if !problems.isEmpty { throw ExitCode.failure }
    }
}

import Accounts
import ArgumentParser
import Completion
import Foundation
import PostgresStorage
import Storage
import XAPI

extension RecordsExportCommand {
    /// `--format xapi`: every record's statements, as one JSON array.
    func exportStatements() throws {
        let actors = try xapi.actors(data)
        let training = xapi.trainingContent(from: content)
        let (dataDirectory, actor) = (data.directory, ProcessInfo.processInfo.userName)
        let (statements, problems, auditProblem) = try database.using(data) {
            backend async throws(StorageError) -> ([Statement], [StorageError], AccountError?) in
            let (statements, problems) = try await StatementExport(
                records: backend.repository, actors: actors, content: training
            ).allStatements()
            let records = Set(statements.compactMap { $0.context?.registration }).count
            let event = RecordExport.auditEvent(
                count: records, leftOut: problems.count, by: actor, via: .commandLine, at: Date())
            return (statements, problems, await backend.audit(event, dataDirectory: dataDirectory))
        }
        for problem in problems { StandardError.print(problem.description) }
        if let auditProblem {
            StandardError.print("error: the export could not be written to the audit log: \(auditProblem.description)")
            throw ExitCode.failure
        }
        let json = Statement.json(statements, pretty: true) + Data("\n".utf8)
        if let out {
            do {
                try json.write(to: URL(filePath: out), options: .atomic)
            } catch {
                StandardError.print("error: \(out) could not be written: \(error.localizedDescription)")
                throw ExitCode.failure
            }
            let records = Set(statements.compactMap { $0.context?.registration }).count
            print(
                "\(counted(statements.count, "xAPI statement")) of \(counted(records, "record")) written to \(out); \(problems.count) left out."
            )
        } else {
            FileHandle.standardOutput.write(json)
        }
        if !problems.isEmpty { throw ExitCode.failure }
    }
}

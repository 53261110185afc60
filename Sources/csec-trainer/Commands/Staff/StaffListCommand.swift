import ArgumentParser
import PostgresStorage
import Records
import Storage
import TerminalUI

struct StaffListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "The staff roster, by school and name.")

    @Option(help: "table, csv or json.") var format: TableFormat = .table
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var data: DataOptions

    func run() throws {
        guard let roster = try database.using(data, { backend async throws(StorageError) in try await backend.rosters.roster() })
        else {
            StandardError.print("No staff roster has been imported. Import one: `csec-trainer staff import staff.csv`.")
            throw ExitCode.failure
        }
        let table = Table(
            columns: ["employee id", "name", "email", "school", "district", "role", "hire date"],
            rows: roster.staff.map { member in
                [
                    member.employeeID, member.name, member.email ?? "", member.school, member.district ?? "",
                    member.role ?? "", member.hireDate?.description ?? "",
                ]
            })
        print(try format.render(table, json: roster.staff), terminator: "")
    }
}

import ArgumentParser
import Foundation
import PostgresStorage
import RecordStore
import Records
import Storage
import TerminalUI

struct StaffImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a staff list (CSV): who is added, updated and removed, school by school.",
        discussion: """
            The header line names the columns, in any order: employee id, name and school are \
            required; email, role, hire date (YYYY-MM-DD or M/D/YYYY) and district may be given. \
            People are known by employee id.

            A list replaces the people of the schools it names: a school's own list leaves the \
            other schools as they are. With --whole-roster it replaces everyone (the district's \
            full list).
            """)

    @Argument(help: ArgumentHelp("The staff list.", valueName: "staff.csv")) var file: String
    @Flag(help: "Show what would change, and change nothing.") var dryRun = false
    @Flag(help: "Replace the whole roster, not only the schools the list names.") var wholeRoster = false
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var data: DataOptions

    func run() throws {
        let contents: Data
        do {
            contents = try Data(contentsOf: URL(filePath: file))
        } catch {
            StandardError.print("\(file): error: cannot read the staff list: \(FileProblem.words(for: error)).")
            throw ExitCode.failure
        }
        let reading = StaffCSV.read(contents, file: file)
        guard reading.problems.isEmpty else {
            for problem in reading.problems { StandardError.print(problem.description) }
            StandardError.print("Nothing was imported: fix the \(reading.problems.count) problem(s) above and import again.")
            throw ExitCode.failure
        }
        let staff = reading.staff
        let scope: RosterImportScope = wholeRoster ? .wholeRoster : .schoolsNamed
        let changes = try database.using(data) { [dryRun] backend async throws(StorageError) in
            dryRun
                ? try await backend.rosters.previewImport(staff, scope: scope)
                : try await backend.rosters.importRoster(staff, scope: scope)
        }
        print(Self.summary(of: changes, people: staff.count, dryRun: dryRun))
        print(RosterChangesTable.table(changes).text(), terminator: "")
        for (heading, people) in [("Updated", changes.updated), ("Removed", changes.removed)] where !people.isEmpty {
            print("\(heading):")
            for member in people { print("  \(member.name) (\(member.employeeID), \(member.school))") }
        }
    }

    static func summary(of changes: RosterChanges, people: Int, dryRun: Bool) -> String {
        let counts =
            "\(changes.added.count) added, \(changes.updated.count) updated, \(changes.removed.count) removed, "
            + "\(changes.unchanged) unchanged"
        let listed = people == 1 ? "1 person" : "\(people) people"
        return dryRun
            ? "Dry run: importing \(listed) would change the roster so: \(counts). Nothing was changed."
            : "Imported \(listed): \(counts)."
    }
}

/// Runs `body`, printing a storage error and exiting with failure if it throws one.
func reportingStorageErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StorageError {
        StandardError.print(error.description)
        throw ExitCode.failure
    }
}

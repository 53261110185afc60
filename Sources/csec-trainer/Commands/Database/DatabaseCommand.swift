import ArgumentParser
import Foundation
import PostgresStorage
import Storage

struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "database",
        abstract: "The PostgreSQL database of a county or a large district (records kept with --database).",
        subcommands: [DatabaseMigrateCommand.self]
    )
}

struct DatabaseMigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Bring the database's tables to this csec-trainer's version (applied in one transaction).",
        discussion: """
            Prints the versions applied, or that the database is up to date. A database \
            migrated by a newer csec-trainer is refused and left unchanged.
            """)

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        guard let address = database.address else {
            throw ValidationError("Give the database with --database postgres://… (or $\(DatabaseOptions.environmentVariable)).")
        }
        let applied = try reportingStorageErrors {
            try waitFor { () async throws -> (versions: [Int], location: String) in
                let database = try await RecordDatabase.connect(try DatabaseAddress(address))
                do {
                    let versions = try await database.migrate()
                    await database.close()
                    return (versions, database.location)
                } catch {
                    await database.close()
                    throw error
                }
            }
        }
        if applied.versions.isEmpty {
            print("\(applied.location): up to date (schema version \(Migration.latestVersion)).")
        } else {
            let versions = applied.versions.map(String.init).joined(separator: ", ")
            print("\(applied.location): applied migration\(applied.versions.count == 1 ? "" : "s") \(versions).")
        }
    }
}

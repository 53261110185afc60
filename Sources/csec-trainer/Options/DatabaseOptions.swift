import ArgumentParser
import Foundation

/// `--database URL`: keep records in a PostgreSQL database instead of the data directory's files.
struct DatabaseOptions: ParsableArguments {
    static let environmentVariable = "CSEC_TRAINER_DATABASE"

    @Option(
        name: .customLong("database"),
        help: ArgumentHelp(
            "A PostgreSQL database for the records, e.g. postgres://csec@db.example:5432/records "
                + "(default: $\(environmentVariable), else the signed files in the data directory).",
            valueName: "url"))
    var explicitAddress: String?

    /// The database's address, from --database or the environment; nil for the files.
    var address: String? {
        explicitAddress ?? ProcessInfo.processInfo.environment[Self.environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
    }
}

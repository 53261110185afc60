import ArgumentParser
import Foundation
import LocalStore
import RecordStore
import Storage

/// Where csec-trainer keeps its data: progress, completion records and the installation key.
struct DataOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Where progress, records and the signing key are kept (default: $XDG_DATA_HOME/csec-trainer, else ~/.local/share/csec-trainer).",
            valueName: "dir"))
    var dataDir: String?

    var directory: URL {
        DataDirectory.resolve(
            explicit: dataDir, environment: ProcessInfo.processInfo.environment,
            home: FileManager.default.homeDirectoryForCurrentUser)
    }

    /// The installation key (created on first use).
    func installationKey() throws -> InstallationKey {
        try reportingKeyErrors { try InstallationKey.loadOrCreate(in: directory, now: Date()) }
    }

    /// The record store, with the installation key.
    func recordStore() throws -> RecordStore {
        let settings = try reportingStoreErrors { try InstallationSettings.load(in: directory) }
        return RecordStore(dataDirectory: directory, key: try installationKey(), issuer: settings.issuer)
    }

    /// Where completion records are kept: the signed record files in the data directory.
    func recordRepository() throws -> any RecordRepository {
        FileRecordRepository(store: try recordStore())
    }

    /// The command that starts a new key on purpose when the old one is lost.
    var replaceLostKeyCommand: String {
        ShellWords.join(["csec-trainer", "keys", "new", "--replace-lost-key"] + (dataDir.map { ["--data-dir", $0] } ?? []))
    }

    /// Runs `body`, printing a record-store error and exiting with failure if it throws one; a
    /// missing key's message ends with the command that starts a new key on purpose.
    func reportingKeyErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as RecordStoreError {
            if case .keyMissing = error {
                StandardError.print(error.description + " To start a new key on purpose: `\(replaceLostKeyCommand)`.")
            } else {
                StandardError.print(error.description)
            }
            throw ExitCode.failure
        }
    }
}

/// Runs `body`, printing a record-store error and exiting with failure if it throws one.
func reportingStoreErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as RecordStoreError {
        StandardError.print(error.description)
        throw ExitCode.failure
    }
}

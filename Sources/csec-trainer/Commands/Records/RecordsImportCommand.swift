import ArgumentParser
import Foundation
import PostgresStorage
import RecordStore
import Storage

struct RecordsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring signed record files from other machines or schools into this installation's records.",
        discussion: """
            Each file is verified: byte for byte as signed, by this installation's key or a \
            trusted one. --trust adds a key (the output of `csec-trainer keys export` on the \
            machine that signed the records; check it with its owner) to <data dir>/keys/trusted, \
            where every later read finds it. Prints each file as added, already stored \
            (importing twice changes nothing) or refused, with the reason. Exit status 1 when \
            any file is refused.
            """)

    @Argument(help: ArgumentHelp("The directory of signed record files (*.json).", valueName: "dir")) var directory: String
    @Option(
        help: ArgumentHelp(
            "A public key (PEM or JSON Web Key) or key set whose records to accept; repeat for several.", valueName: "file"))
    var trust: [String] = []
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var data: DataOptions

    func run() throws {
        let store = try data.recordStore()
        let others = try trust.flatMap { path in
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("Cannot read the key file \(path).")
            }
            let keys = try reportingStoreErrors { try TrustedKeys.read(data, path: path) }
            return keys.keyIDs.compactMap { keys[$0]?.publicKey }
        }
        let folder = TrustedKeyFolder(dataDirectory: data.directory)
        try reportingStorageErrors { for key in others { try folder.add(key) } }
        let (address, source) = (database.address, URL(filePath: directory))
        let results = try reportingStorageErrors {
            try waitFor { () async throws in
                try await RecordBackend.using(databaseAddress: address, store: store) {
                    backend async throws(StorageError) in
                    try await RecordImport.files(in: source, into: backend.repository)
                }
            }
        }
        var refused = 0
        for (file, outcome) in results {
            switch outcome {
            case .added(let saved): print("added           \(saved.id.uuidString.lowercased())  \(file.path)")
            case .alreadyStored(let saved): print("already stored  \(saved.id.uuidString.lowercased())  \(file.path)")
            case .refused(let error):
                refused += 1
                print("refused         \(file.path)")
                StandardError.print(error.description)
            }
        }
        print("\(results.count - refused) of \(results.count) files imported or already stored; \(refused) refused.")
        if refused > 0 { throw ExitCode.failure }
    }
}

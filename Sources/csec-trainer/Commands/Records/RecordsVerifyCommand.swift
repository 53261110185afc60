import ArgumentParser
import Foundation
import RecordStore
import Records

struct RecordsVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that records are exactly as this installation signed them.",
        discussion: """
            A record passes when its file is byte for byte what csec-trainer wrote and its \
            Ed25519 signature is this installation's. Exit status 1 when any record fails \
            or cannot be read.
            """)

    @Argument(help: "The record id (or its first characters).") var id: String?
    @Flag(help: "Check every record.") var all = false
    @OptionGroup var data: DataOptions

    func validate() throws {
        if (id == nil) == !all { throw ValidationError("Give a record id, or --all (not both).") }
    }

    func run() throws {
        let store = try data.recordStore()
        var problems: [RecordStoreError] = []
        var records: [StoredRecord] = []
        if let id {
            records = [try reportingStoreErrors { try store.find(id) }]
        } else {
            let listing = store.loadAll()
            records = listing.records
            problems = listing.problems
        }
        var verified = 0
        for stored in records {
            do {
                try store.verify(stored)
                verified += 1
                print(
                    "ok  \(stored.record.id.uuidString.lowercased())  \(stored.signed.verificationCode)  \(stored.record.trainee.name)"
                )
            } catch {
                problems.append(error)
            }
        }
        for problem in problems { StandardError.print(problem.description) }
        let unreadable = problems.count - (records.count - verified)
        print("\(verified) of \(records.count + unreadable) records verified with key \(store.key.keyID).")
        if !problems.isEmpty { throw ExitCode.failure }
    }
}

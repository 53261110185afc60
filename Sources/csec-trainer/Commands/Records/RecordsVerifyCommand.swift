import ArgumentParser
import Foundation
import RecordStore
import Records
import Storage

struct RecordsVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that records are exactly as this installation signed them.",
        discussion: """
            A record passes when its file is byte for byte what csec-trainer wrote and its \
            Ed25519 signature is this installation's. With --all, the records log is checked \
            too: a record it names whose file is gone is MISSING, a file that is not the one \
            logged is ALTERED, and an edited or removed log line is reported. Exit status 1 \
            when any record fails or cannot be read, or the log does not check out.
            """)

    @Argument(help: "The record id (or its first characters), or a record file.") var id: String?
    @Flag(help: "Check every record.") var all = false
    @OptionGroup var key: KeyFileOptions
    @OptionGroup var data: DataOptions

    func validate() throws {
        if (id == nil) == !all { throw ValidationError("Give a record id, or --all (not both).") }
    }

    func run() throws {
        if let keys = try key.trustedKeys() { return try verify(trusting: keys, keyText: nil) }
        let store = try data.recordStore()
        // Records imported from other machines verify with the keys trusted on import.
        let keys = try reportingStorageErrors {
            try TrustedKeyFolder(dataDirectory: data.directory).trustedKeys(besides: store.key, issuer: store.issuer)
        }
        if keys.keyIDs.count > 1 {
            return try verify(
                trusting: keys, keyText: "key \(store.key.keyID) and \(keys.keyIDs.count - 1) key(s) trusted on import")
        }
        guard let id else { return try report(store.audit(), keyText: "key \(store.key.keyID)", keys: nil) }
        let stored = try reportingStoreErrors { try store.find(id) }
        try reportingStoreErrors { try store.verify(stored) }
        print(Self.line(stored, keys: nil))
        print("1 of 1 records verified with key \(store.key.keyID).")
    }

    /// With `--key`: no installation key is needed (nor made), so records copied from another
    /// machine are checked on one that has none of its own.
    private func verify(trusting keys: TrustedKeys, keyText: String?) throws {
        let keyText =
            keyText
            ?? (keys.keyIDs.count == 1 ? "key \(keys.keyIDs[0])" : "\(keys.keyIDs.count) keys from \(key.keyFile ?? "")")
        let directory = RecordStore.directory(in: data.directory)
        guard let id else { return try report(RecordStore.audit(in: directory, trusting: keys), keyText: keyText, keys: keys) }
        let stored = try reportingStoreErrors {
            id.hasSuffix(".json") && FileManager.default.fileExists(atPath: id)
                ? try RecordStore.read(URL(filePath: id)) : try RecordStore.find(id, in: directory)
        }
        try reportingStoreErrors { try RecordStore.verify(stored, trusting: keys) }
        print(Self.line(stored, keys: keys))
        print("1 of 1 records verified with \(keyText).")
    }

    private func report(_ audit: RecordAudit, keyText: String, keys: TrustedKeys?) throws {
        let notLogged = Set(audit.notLogged.map(\.record.id))
        for stored in audit.verified {
            print(Self.line(stored, keys: keys) + (notLogged.contains(stored.record.id) ? "  (not in the records log)" : ""))
        }
        for problem in audit.problems { StandardError.print(problem.description) }
        let failed = audit.problems.filter { if case .logAltered = $0 { false } else { true } }.count
        print("\(audit.verified.count) of \(audit.verified.count + failed) records verified with \(keyText).")
        if !audit.notLogged.isEmpty {
            print(
                "\(audit.notLogged.count) verified record(s) are not in the records log (written before it was kept, "
                    + "copied in, or a crash before their log line).")
        }
        print(
            audit.logExists
                ? "Records log: \(audit.logEntryCount) entries, last sha256:\(audit.logHead ?? "") (note it down elsewhere "
                    + "to find later whether entries were cut from its end)."
                : "Records log: none yet (\(audit.logFile)).")
        if !audit.problems.isEmpty { throw ExitCode.failure }
    }

    /// The verdict on one record: who, which training, when, and (with a key file that names
    /// it) the issuing district or school.
    private static func line(_ stored: StoredRecord, keys: TrustedKeys?) -> String {
        let record = stored.record
        let issuer = keys?[stored.signed.signature.keyID]?.issuer.map { ", issued by \($0)" } ?? ""
        return "ok  \(record.id.uuidString.lowercased())  \(stored.signed.verificationCode)  \(record.trainee.name), "
            + "\(record.training.jurisdictionName) protocol (\(record.training.protocolVersion)), "
            + "completed \(record.completedAt.calendarDate)\(issuer)"
    }
}

import ArgumentParser
import Foundation
import RecordStore

struct KeysNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new signing key, on purpose, when this installation's key is lost.",
        discussion: """
            Restore the key from a backup if you can: records it signed verify again. Only when \
            it is lost for good, start a new key; the change is written in <data dir>/keys/key-history.log \
            with the keys that signed the records already stored, and those records can then only \
            be verified with the lost key's exported public key. A key in place is never replaced.
            """)

    @Flag(help: "Confirm that the key which signed the stored records is lost and cannot be restored.")
    var replaceLostKey = false
    @OptionGroup var data: DataOptions

    func run() throws {
        let new = try data.reportingKeyErrors {
            try InstallationKey.startNew(in: data.directory, replacingLostKey: replaceLostKey, now: Date())
        }
        let history = KeyHistory(dataDirectory: data.directory).file.path
        print("New installation key \(new.key.keyID) in \(InstallationKey.file(in: data.directory).path).")
        if new.change.event == .replacedLostKey {
            let lost = new.change.earlierKeyIDs.isEmpty ? "" : " (\(new.change.earlierKeyIDs.joined(separator: ", ")))"
            print(
                "Recorded in \(history): it replaces the lost key\(lost) that signed the \(new.change.recordCount) "
                    + "stored record\(new.change.recordCount == 1 ? "" : "s").")
        } else {
            print("Recorded in \(history).")
        }
        print("Back up \(data.directory.appending(path: "keys").path) now.")
    }
}

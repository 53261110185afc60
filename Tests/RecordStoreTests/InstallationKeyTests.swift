import Crypto
import Foundation
import RecordStore
import TestSupport
import Testing

/// The installation key is pinned: a lost key is never replaced silently, a new one is made
/// only on purpose and written in the key history, and a key file that does not hold together
/// is refused.
struct InstallationKeyTests {
    let dataDirectory = FileManager.default.temporaryDirectory.appending(path: "csec-keys-\(UUID().uuidString)")
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    var keyFile: URL { InstallationKey.file(in: dataDirectory) }

    /// A data directory with one record signed by its key, and then the key file deleted.
    func recordsWithALostKey() throws -> InstallationKey {
        let key = try InstallationKey.loadOrCreate(in: dataDirectory, now: now)
        try RecordStore(dataDirectory: dataDirectory, key: key).save(SampleRecords.record())
        try FileManager.default.removeItem(at: keyFile)
        return key
    }

    @Test func aMissingKeyIsNotReplacedWhileRecordsExist() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        _ = try recordsWithALostKey()
        #expect(
            throws: RecordStoreError.keyMissing(
                path: keyFile.path, recordsDirectory: RecordStore.directory(in: dataDirectory).path, recordCount: 1)
        ) {
            try InstallationKey.loadOrCreate(in: dataDirectory, now: now)
        }
        #expect(!FileManager.default.fileExists(atPath: keyFile.path), "a key was made silently")
        #expect(throws: RecordStoreError.self) {
            try InstallationKey.startNew(in: dataDirectory, replacingLostKey: false, now: now)
        }
        #expect(!FileManager.default.fileExists(atPath: keyFile.path), "a key was made without confirmation")
    }

    @Test func theMissingKeyMessageSaysHowToRestoreIt() throws {
        let message = RecordStoreError.keyMissing(path: "/d/keys/k.json", recordsDirectory: "/d/records", recordCount: 3)
            .description
        #expect(message.hasPrefix("/d/keys/k.json: error: the installation key is missing"))
        #expect(message.contains("/d/records holds 3 records"))
        #expect(message.contains("Restore the key file to this path from a backup"))
        #expect(message.contains("start a new key on purpose"))
        #expect(!message.contains("--"), "a library names no command-line flag")
        #expect(message.hasSuffix(".") && !message.hasSuffix(".."))
    }

    @Test func aNewKeyOnPurposeIsWrittenInTheHistory() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let lost = try recordsWithALostKey()
        let new = try InstallationKey.startNew(in: dataDirectory, replacingLostKey: true, now: now)
        #expect(new.key.keyID != lost.keyID)
        #expect(try InstallationKey.loadOrCreate(in: dataDirectory, now: now).keyID == new.key.keyID)
        let history = KeyHistory(dataDirectory: dataDirectory).entries()
        #expect(
            history == [
                KeyHistory.Entry(date: now, event: .created, keyID: lost.keyID),
                KeyHistory.Entry(
                    date: now, event: .replacedLostKey, keyID: new.key.keyID, earlierKeyIDs: [lost.keyID], recordCount: 1),
            ])
        #expect(new.change == history.last)
    }

    @Test func aKeyInPlaceIsNeverReplaced() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let key = try InstallationKey.loadOrCreate(in: dataDirectory, now: now)
        #expect(throws: RecordStoreError.keyExists(path: keyFile.path, keyID: key.keyID)) {
            try InstallationKey.startNew(in: dataDirectory, replacingLostKey: true, now: now)
        }
        #expect(try InstallationKey.loadOrCreate(in: dataDirectory, now: now).keyID == key.keyID)
    }

    @Test func aKeyFileWhosePartsDoNotMatchIsRefused() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        _ = try InstallationKey.loadOrCreate(in: dataDirectory, now: now)
        var saved = try JSONSerialization.jsonObject(with: Data(contentsOf: keyFile)) as? [String: String] ?? [:]
        saved["publicKey"] = Curve25519.Signing.PrivateKey().publicKey.rawRepresentation.base64EncodedString()
        try JSONSerialization.data(withJSONObject: saved).write(to: keyFile)
        #expect(throws: RecordStoreError.keyMismatch(path: keyFile.path)) {
            try InstallationKey.loadOrCreate(in: dataDirectory, now: now)
        }
        #expect(RecordStoreError.keyMismatch(path: keyFile.path).description.contains("does not match the public key"))
    }

    @Test func aKeyPathThatIsADirectoryIsNamedSo() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        try FileManager.default.createDirectory(at: keyFile, withIntermediateDirectories: true)
        #expect(throws: RecordStoreError.keyPathIsDirectory(path: keyFile.path)) {
            try InstallationKey.loadOrCreate(in: dataDirectory, now: now)
        }
        #expect(RecordStoreError.keyPathIsDirectory(path: keyFile.path).description.contains("it is a directory"))
    }

    @Test func theFirstKeyIsMadeWithTheDataDirectorysMissingParents() throws {
        let root = dataDirectory
        defer { try? FileManager.default.removeItem(at: root) }
        let deep = root.appending(path: "home/.local/share/csec-trainer")
        let key = try InstallationKey.loadOrCreate(in: deep, now: now)
        #expect(try InstallationKey.loadOrCreate(in: deep, now: now).keyID == key.keyID)
        #expect(KeyHistory(dataDirectory: deep).entries() == [KeyHistory.Entry(date: now, event: .created, keyID: key.keyID)])
    }
}

/// System and Foundation errors in words, never "NSCocoaErrorDomain error 512".
struct FileProblemTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var code: Int32
        var words: String
        var testDescription: String { words }
    }

    @Test(arguments: [
        Case(code: EACCES, words: "permission denied"), Case(code: ENOSPC, words: "no space left on the disk"),
        Case(code: EISDIR, words: "it is a directory, not a file"), Case(code: EROFS, words: "the disk is read-only"),
    ])
    func systemErrorsInWords(_ row: Case) {
        #expect(FileProblem.words(errno: row.code) == row.words)
        #expect(FileProblem.words(for: POSIXError(POSIXError.Code(rawValue: row.code)!)) == row.words)
        #expect(FileProblem.words(for: FileOperationError(call: "open", path: "/x", code: row.code)) == row.words)
    }

    @Test func aFoundationWriteErrorIsInWords() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let error = try #require(throws: (any Error).self) { try Data("x".utf8).write(to: directory, options: .atomic) }
        let words = FileProblem.words(for: error)
        #expect(words == "it is a directory, not a file", "\(error)")
    }
}

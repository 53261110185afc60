import Foundation
import LocalStore
import ProtocolEngine
import ScenarioEngine
import TestSupport
import Testing
import Training

/// One saved session per trainee, the single file of earlier versions carried over, and one
/// process at a time on a session.
struct ProgressStoreTests {
    let store: ProgressStore

    init() throws {
        store = ProgressStore(directory: try Fixtures.temporaryDirectory())
    }

    static func progress(_ trainee: String, answered: Int = 0) -> SessionProgress {
        SessionProgress(
            trainee: trainee, jurisdiction: JurisdictionID(Fixtures.jurisdictionIDs[0]), count: 2, seed: 7,
            startedAt: Date(timeIntervalSince1970: 1_800_000_000),
            answers: (0..<answered).map { SavedAnswer(questionID: "q\($0)", optionID: OptionID("o\($0)")) })
    }

    @Test func twoTraineesKeepTheirOwnSessions() throws {
        defer { try? FileManager.default.removeItem(at: store.directory) }
        try store.save(Self.progress("Ana Ruiz", answered: 2))
        try store.save(Self.progress("Ben Okafor", answered: 1))
        #expect(try store.load(for: "Ana Ruiz")?.answers.count == 2)
        #expect(try store.load(for: "Ben Okafor")?.answers.count == 1)
        #expect(try store.savedSessions().map(\.trainee) == ["Ana Ruiz", "Ben Okafor"])
        try store.clear(for: "Ana Ruiz")
        #expect(try store.savedSessions().map(\.trainee) == ["Ben Okafor"])
    }

    /// A save leaves only the trainee's file, readable by its owner alone; nothing temporary.
    @Test func aSaveLeavesOneFileReadableByItsOwnerOnly() throws {
        defer { try? FileManager.default.removeItem(at: store.directory) }
        for answered in 1...3 { try store.save(Self.progress("Ana Ruiz", answered: answered)) }
        let names = try FileManager.default.contentsOfDirectory(atPath: store.folder.path)
        #expect(names == [store.file(for: "Ana Ruiz").lastPathComponent])
        let mode = try FileManager.default.attributesOfItem(atPath: store.file(for: "Ana Ruiz").path)[.posixPermissions]
        #expect((mode as? NSNumber)?.intValue == 0o600)
        #expect(try store.load(for: "Ana Ruiz")?.answers.count == 3)
    }

    /// What a crash mid-save leaves (a temporary file of the trainee's, or an old version's
    /// `.dat.nosync…` an hour old) is removed when that trainee's session is next taken; another
    /// trainee's temporary file, perhaps being written now, is left alone.
    @Test func temporaryFilesLeftByACrashAreRemovedWhenTheSessionIsNextTaken() throws {
        defer { try? FileManager.default.removeItem(at: store.directory) }
        try store.save(Self.progress("Ana Ruiz", answered: 1))
        let folder = store.folder
        let anasLeftover = folder.appending(path: ".\(store.file(for: "Ana Ruiz").lastPathComponent).crash.tmp")
        let bensInFlight = folder.appending(path: ".\(store.file(for: "Ben Okafor").lastPathComponent).now.tmp")
        let (oldFoundation, newFoundation) = (
            folder.appending(path: ".dat.nosync1a2b"), folder.appending(path: ".dat.nosync3c4d")
        )
        for file in [anasLeftover, bensInFlight, oldFoundation, newFoundation] { try Data("{".utf8).write(to: file) }
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(-7_200)], ofItemAtPath: oldFoundation.path)

        let lock = try store.lock(for: "Ana Ruiz")
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(!left.contains(anasLeftover.lastPathComponent))
        #expect(!left.contains(oldFoundation.lastPathComponent))
        #expect(left.contains(bensInFlight.lastPathComponent))
        #expect(left.contains(newFoundation.lastPathComponent))
        #expect(try store.load(for: "Ana Ruiz")?.answers.count == 1)
        withExtendedLifetime(lock) {}
    }

    @Test func theSingleFileOfEarlierVersionsIsCarriedOver() throws {
        defer { try? FileManager.default.removeItem(at: store.directory) }
        try Self.encoded(Self.progress("Ana Ruiz", answered: 3)).write(to: store.legacyFile)
        #expect(try store.savedSessions().map(\.trainee) == ["Ana Ruiz"])
        #expect(try store.load(for: "Ana Ruiz")?.answers.count == 3)
        #expect(!FileManager.default.fileExists(atPath: store.legacyFile.path))
    }

    @Test func anOldFileNeverOverwritesANewerSession() throws {
        defer { try? FileManager.default.removeItem(at: store.directory) }
        try store.save(Self.progress("Ana Ruiz", answered: 5))
        try Self.encoded(Self.progress("Ana Ruiz", answered: 1)).write(to: store.legacyFile)
        #expect(try store.load(for: "Ana Ruiz")?.answers.count == 5)
        #expect(FileManager.default.fileExists(atPath: store.legacyFile.path))
    }

    @Test func aSecondLockOnOneSessionIsRefusedUntilTheFirstEnds() throws {
        defer { try? FileManager.default.removeItem(at: store.directory) }
        var first: ProgressLock? = try store.lock(for: "Ana Ruiz")
        #expect(throws: StoreError.inUse(path: store.folder.appending(path: "ana-ruiz.lock").path, trainee: "Ana Ruiz")) {
            try store.lock(for: "Ana Ruiz")
        }
        let other = try store.lock(for: "Ben Okafor")
        withExtendedLifetime(other) {}
        withExtendedLifetime(first) {}
        first = nil
        _ = try store.lock(for: "Ana Ruiz")
    }

    private static func encoded(_ progress: SessionProgress) throws -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(progress)
    }
}

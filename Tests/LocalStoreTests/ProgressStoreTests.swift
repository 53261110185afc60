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

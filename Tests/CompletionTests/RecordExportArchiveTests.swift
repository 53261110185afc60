import Completion
import Foundation
import RecordStore
import Records
import Storage
import TestSupport
import Testing

/// ``RecordExport/archive(now:timeZone:in:)``: a tar file on disk, owner-only, holding one
/// folder named for the day with every record that verifies as `<id>.json`, byte for byte;
/// a record that does not verify is left out and reported; ``RecordExport/Archive/remove()``
/// and a failure leave nothing behind.
@Suite
struct RecordExportArchiveTests {
    static let now = Timestamp("2026-10-01T23:30:00-07:00")!
    static let california = TimeZone(secondsFromGMT: -7 * 3600)!

    @Test
    func theArchiveHoldsEveryRecordAsSignedInTheDaysFolder() async throws {
        let data = try TemporaryDataDirectory()
        let temporary = try Fixtures.temporaryDirectory()
        defer {
            data.remove()
            try? FileManager.default.removeItem(at: temporary)
        }
        let stored = [
            try await data.records.saveOnce(SampleRecords.record(name: "Ana Ruiz")),
            try await data.records.saveOnce(SampleRecords.record(name: "Rosa Delgado")),
        ]

        let archive = try await RecordExport(records: data.records).archive(
            now: Self.now.date, timeZone: Self.california, in: temporary)
        defer { archive.remove() }
        #expect(archive.count == 2 && archive.problems.isEmpty)
        #expect(archive.folderName == "csec-records-2026-10-01" && archive.fileName == "csec-records-2026-10-01.tar")
        #expect(archive.file.deletingLastPathComponent().deletingLastPathComponent().path == temporary.path)
        #expect(try Self.permissions(archive.file) == 0o600)
        #expect(try Self.permissions(archive.file.deletingLastPathComponent()) == 0o700)

        let tar = try #require(Program.locate("tar"), "tar is not installed")
        let listing = try await Program.run(tar, ["-tf", archive.file.path])
        let ids = stored.map { $0.id.uuidString.lowercased() }
        #expect(
            Set(listing.output.split(separator: "\n").map(String.init))
                == Set(["csec-records-2026-10-01/"] + ids.map { "csec-records-2026-10-01/\($0).json" }))
        let unpacked = temporary.appending(path: "unpacked")
        try FileManager.default.createDirectory(at: unpacked, withIntermediateDirectories: true)
        let result = try await Program.run(tar, ["-xf", archive.file.path, "-C", unpacked.path])
        #expect(result.status == 0, "tar: \(result.error)")
        for id in ids {
            let file = try Data(contentsOf: unpacked.appending(path: "csec-records-2026-10-01/\(id).json"))
            #expect(file == (try await data.records.find(id)).bytes, "byte for byte as signed")
        }
    }

    @Test
    func aRecordThatDoesNotVerifyIsLeftOutAndReported() async throws {
        let data = try TemporaryDataDirectory()
        defer { data.remove() }
        let kept = try await data.records.saveOnce(SampleRecords.record(name: "Ana Ruiz"))
        let altered = try await data.records.saveOnce(SampleRecords.record(name: "Rosa Delgado"))
        let file = data.store.file(for: altered.id)
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "Rosa Delgado", with: "Rosa Delgada").utf8).write(to: file)

        let archive = try await RecordExport(records: data.records).archive(now: Self.now.date, timeZone: Self.california)
        defer { archive.remove() }
        #expect(archive.count == 1 && archive.problems.count == 1)
        let tar = try #require(Program.locate("tar"), "tar is not installed")
        let listing = try await Program.run(tar, ["-tf", archive.file.path]).output
        #expect(listing.contains("\(kept.id.uuidString.lowercased()).json"))
        #expect(!listing.contains(altered.id.uuidString.lowercased()))
    }

    @Test func removingTheArchiveLeavesNothing() async throws {
        let data = try TemporaryDataDirectory()
        let temporary = try Fixtures.temporaryDirectory()
        defer {
            data.remove()
            try? FileManager.default.removeItem(at: temporary)
        }
        _ = try await data.records.saveOnce(SampleRecords.record(name: "Ana Ruiz"))
        let archive = try await RecordExport(records: data.records).archive(
            now: Self.now.date, timeZone: Self.california, in: temporary)
        #expect(FileManager.default.fileExists(atPath: archive.file.path))
        archive.remove()
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty)
    }

    /// Where no directory can be made (here: under a regular file) nothing is written and the
    /// error names the place.
    @Test func anArchiveThatCannotBeWrittenIsAnErrorThatNamesThePlace() async throws {
        let data = try TemporaryDataDirectory()
        defer { data.remove() }
        _ = try await data.records.saveOnce(SampleRecords.record(name: "Ana Ruiz"))
        let notADirectory = data.url.appending(path: "a-file")
        try Data("x".utf8).write(to: notADirectory)
        await #expect {
            _ = try await RecordExport(records: data.records).archive(
                now: Self.now.date, timeZone: Self.california, in: notADirectory)
        } throws: { error in
            guard case .cannotWrite(let path, _) = error as? StorageError else { return false }
            return path.hasPrefix(notADirectory.path)
        }
    }

    static func permissions(_ url: URL) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
    }
}

import Foundation
import RecordStore
import Testing

/// A file read again is decoded again only when it changed: replaced by another writer, edited
/// in place, removed.
struct DecodedFileCacheTests {
    final class Decodings: @unchecked Sendable {
        var count = 0
    }

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appending(path: "decoded-file-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func reader(_ cache: DecodedFileCache<String>, _ decodings: Decodings) -> (URL) throws -> String? {
        { file in
            try cache.value(at: file.path) { data in
                decodings.count += 1
                return String(decoding: data, as: UTF8.self)
            }
        }
    }

    /// Each way another writer can change the file, and whether the kept copy may still be used.
    enum Change: String, CaseIterable {
        case none, replacedByRename, editedInPlaceSameSize, appended, removed
    }

    @Test(arguments: Change.allCases)
    func aChangedFileIsReadAgain(change: Change) async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "session.json")
        try Data("first".utf8).write(to: file)
        let cache = DecodedFileCache<String>(capacity: 4)
        let decodings = Decodings()
        let read = reader(cache, decodings)
        #expect(try read(file) == "first" && decodings.count == 1)

        // A file's times move in clock ticks of a few milliseconds: a change made by hand (the
        // only kind that writes in place) comes later than that.
        try await Task.sleep(for: .milliseconds(30))
        switch change {
        case .none: break
        case .replacedByRename:
            let other = folder.appending(path: ".new")
            try Data("other".utf8).write(to: other)
            #expect(rename(other.path, file.path) == 0)
        case .editedInPlaceSameSize:
            let handle = try FileHandle(forWritingTo: file)
            try handle.write(contentsOf: Data("FIRST".utf8))
            try handle.close()
        case .appended:
            let handle = try FileHandle(forWritingTo: file)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("!".utf8))
            try handle.close()
        case .removed:
            try FileManager.default.removeItem(at: file)
        }

        let expected: String? =
            switch change {
            case .none: "first"
            case .replacedByRename: "other"
            case .editedInPlaceSameSize: "FIRST"
            case .appended: "first!"
            case .removed: nil
            }
        #expect(try read(file) == expected)
        #expect(decodings.count == (change == .none || change == .removed ? 1 : 2))
        #expect(try read(file) == expected, "and again, from the copy kept")
        #expect(decodings.count == (change == .none || change == .removed ? 1 : 2))
    }

    /// What a writer remembers is used without reading the file; no more than `capacity` files
    /// are kept, the one read longest ago let go first.
    @Test func keepsAtMostItsCapacityAndWhatAWriterRemembers() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = DecodedFileCache<String>(capacity: 2)
        let decodings = Decodings()
        let read = reader(cache, decodings)
        let files = (0..<3).map { folder.appending(path: "\($0).json") }
        for (number, file) in files.enumerated() { try Data("file \(number)".utf8).write(to: file) }
        _ = try read(files[0])
        _ = try read(files[1])
        _ = try read(files[0])
        _ = try read(files[2])
        #expect(cache.count == 2 && decodings.count == 3)
        _ = try read(files[0])
        #expect(decodings.count == 3, "file 0 was read more recently than file 1")
        _ = try read(files[1])
        #expect(decodings.count == 4, "file 1 was let go")

        try Data("written".utf8).write(to: files[2])
        cache.remember("written", writtenTo: files[2].path)
        #expect(try read(files[2]) == "written" && decodings.count == 4)
    }

    /// A folder where a file should be is an error, not an empty value.
    @Test func aFolderInTheFilesPlaceIsAnError() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = DecodedFileCache<String>(capacity: 2)
        #expect(throws: FileOperationError.self) { _ = try reader(cache, Decodings())(folder) }
    }
}

import Dispatch
import Foundation
import Records
import Synchronization

/// Completion records on disk: one signed JSON file per record in `<data dir>/records`.
///
/// A record is written to a temporary file, flushed to the disk, then given its final name
/// with `link`, which never replaces an existing file; a crash at any point leaves either no
/// record or a whole one (a leftover temporary file is ignored). Many
/// trainees can finish at once on one machine: every record has its own new name. The
/// directory is the owner's only (0700), and so are the files (0600).
public struct RecordStore: Sendable {
    public let directory: URL
    public let key: InstallationKey
    private let operations: any FileOperations

    public init(dataDirectory: URL, key: InstallationKey, operations: any FileOperations = SystemFileOperations()) {
        directory = Self.directory(in: dataDirectory)
        self.key = key
        self.operations = operations
    }

    /// The records' directory in `dataDirectory`.
    public static func directory(in dataDirectory: URL) -> URL {
        dataDirectory.appending(path: "records")
    }

    /// Signs and writes `record`; returns its file.
    @discardableResult
    public func save(_ record: CompletionRecord) throws(RecordStoreError) -> URL {
        let file = self.file(for: record.id)
        let signed: SignedRecord
        let contents: Data
        do {
            signed = try SignedRecord(signing: record, with: key)
            contents = try signed.fileContents()
        } catch {
            throw RecordStoreError.cannotWrite(path: file.path, reason: "the record could not be signed: \(error)")
        }
        let temporary = directory.appending(path: ".\(record.id.uuidString.lowercased()).\(UUID().uuidString).tmp")
        do {
            try operations.makeDirectory(directory.deletingLastPathComponent().path, mode: 0o700)
            try operations.makeDirectory(directory.path, mode: 0o700)
            let descriptor = try operations.createNew(temporary.path, mode: 0o600)
            try operations.writeFlushAndClose(contents, to: descriptor)
            try operations.link(temporary.path, as: file.path)
        } catch {
            try? operations.unlink(temporary.path)
            throw RecordStoreError.cannotWrite(path: file.path, reason: error.description)
        }
        // The record is whole under its name from here on; what follows only tidies up and
        // hastens the new name to the disk, and does not make the save fail.
        try? operations.unlink(temporary.path)
        try? operations.syncDirectory(directory.path)
        index.append([CompletionSummary(record, verificationCode: signed.verificationCode)])
        return file
    }

    private var index: RecordIndex { RecordIndex(directory: directory, installationKey: key) }

    /// The summary of every record, for reports: from the index where its line checks out
    /// (the line was written, under this installation's key, with the record), else from the
    /// record file once ``verify(_:)`` passes, and the index is repaired. A record that does not
    /// verify is a problem, never counted. Much faster than ``loadAll()`` on a large store.
    public func summaries() -> RecordListing.Summaries {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            return .init(summaries: [], problems: [])
        }
        let index = self.index
        let indexed = index.read()
        var summaries: [CompletionSummary] = []
        var unindexed: [URL] = []
        summaries.reserveCapacity(names.count)
        for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") {
            // A line without the verification code (index v1, v2) is read again from its record, once.
            if let summary = indexed[String(name.dropLast(5))], summary.verificationCode != nil {
                summaries.append(summary)
            } else {
                unindexed.append(directory.appending(path: name))
            }
        }
        let read = Self.readInParallel(unindexed, verifyingWith: self)
        let repaired = read.records.map { CompletionSummary($0.record, verificationCode: $0.signed.verificationCode) }
        index.append(repaired)
        return .init(summaries: summaries + repaired, problems: read.problems)
    }

    /// Saves `record` unless a record with its id is already stored (a session finished again
    /// after a crash): then the stored one stands. Returns the file either way.
    public func saveOnce(_ record: CompletionRecord) throws(RecordStoreError) -> URL {
        let file = self.file(for: record.id)
        if FileManager.default.fileExists(atPath: file.path) { return file }
        return try save(record)
    }

    public func file(for id: UUID) -> URL {
        directory.appending(path: "\(id.uuidString.lowercased()).json")
    }

    /// Every record, newest first, and a problem for each file that is not a readable record.
    /// One damaged or foreign file never hides the others. Files are read in parallel.
    public func loadAll() -> RecordListing {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            if !FileManager.default.fileExists(atPath: directory.path) { return RecordListing(records: [], problems: []) }
            return RecordListing(records: [], problems: [.cannotRead(path: directory.path, reason: "not a readable directory")])
        }
        let files = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { directory.appending(path: $0) }
        var listing = Self.readInParallel(files)
        listing.records.sort { $0.signed.record.completedAt > $1.signed.record.completedAt }
        return listing
    }

    /// Reads `files` in parallel, and verifies each with `store` when given; the problems keep
    /// the files' order.
    private static func readInParallel(_ files: [URL], verifyingWith store: RecordStore? = nil) -> RecordListing {
        let results = Mutex([Result<StoredRecord, RecordStoreError>?](repeating: nil, count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let result = Result { () throws(RecordStoreError) in
                let stored = try Self.read(files[index])
                try store?.verify(stored)
                return stored
            }
            results.withLock { $0[index] = result }
        }
        var listing = RecordListing(records: [], problems: [])
        for result in results.withLock({ $0 }) {
            switch result {
            case .success(let stored): listing.records.append(stored)
            case .failure(let problem): listing.problems.append(problem)
            case nil: break
            }
        }
        return listing
    }

    /// The record whose id is `id` or starts with it (as `records list` shows them).
    public func find(_ id: String) throws(RecordStoreError) -> StoredRecord {
        let prefix = id.lowercased()
        let exact = directory.appending(path: "\(prefix).json")
        if FileManager.default.fileExists(atPath: exact.path) { return try Self.read(exact) }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let matches = names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }.sorted()
        guard !prefix.isEmpty, let first = matches.first else {
            throw RecordStoreError.noSuchRecord(id: id, directory: directory.path)
        }
        guard matches.count == 1 else {
            throw RecordStoreError.ambiguousID(prefix: id, matches: matches.map { String($0.dropLast(5)) })
        }
        return try Self.read(directory.appending(path: first))
    }

    /// Checks a stored record against its file's name and bytes and this installation's key.
    /// (A copy of a record under another name would count twice; its name gives it away.)
    public func verify(_ stored: StoredRecord) throws(RecordStoreError) {
        let id = stored.record.id.uuidString.lowercased()
        guard stored.file.deletingPathExtension().lastPathComponent == id else {
            throw RecordStoreError.altered(path: stored.file.path, reason: "it holds record \(id) under another name (a copy)")
        }
        if let problem = stored.signed.problem(in: stored.bytes, trusting: key.publicKey) {
            throw RecordStoreError.altered(path: stored.file.path, reason: problem)
        }
    }

    static func read(_ file: URL) throws(RecordStoreError) -> StoredRecord {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw RecordStoreError.cannotRead(path: file.path, reason: "missing or unreadable")
        }
        return StoredRecord(file: file, bytes: data, signed: try SignedRecord.read(data, path: file.path))
    }
}

/// A record read from its file, with the file's exact bytes for verification.
public struct StoredRecord: Sendable {
    public var file: URL
    public var bytes: Data
    public var signed: SignedRecord
    public var record: CompletionRecord { signed.record }
}

/// What `loadAll` found.
public struct RecordListing: Sendable {
    public var records: [StoredRecord]
    public var problems: [RecordStoreError]

    /// What `summaries` found.
    public struct Summaries: Sendable {
        public var summaries: [CompletionSummary]
        public var problems: [RecordStoreError]
    }
}

import Dispatch
import Foundation
import Records
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
    /// The district or school that issues the records saved from now on (``InstallationSettings``).
    public let issuer: String?
    private let operations: any FileOperations

    public init(
        dataDirectory: URL, key: InstallationKey, issuer: String? = nil,
        operations: any FileOperations = SystemFileOperations()
    ) {
        directory = Self.directory(in: dataDirectory)
        self.key = key
        self.issuer = issuer
        self.operations = operations
    }

    /// The records' directory in `dataDirectory`.
    public static func directory(in dataDirectory: URL) -> URL {
        dataDirectory.appending(path: "records")
    }

    /// Signs and writes `record`, issued by ``issuer`` when the record names none; returns its file.
    @discardableResult
    public func save(_ record: CompletionRecord) throws(RecordStoreError) -> URL {
        let record = record.issued(by: issuer)
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
        // The records log is evidence that the record was written; a record that missed its
        // line (a crash here) still verifies, and `records verify --all` lists it as not logged.
        try? chain.append(recordID: record.id.uuidString.lowercased(), bytes: contents, key: key)
        let identity = FileIdentity(path: file.path)
        index.append([
            RecordIndex.Entry(
                summary: CompletionSummary(record, verificationCode: signed.verificationCode), identity: identity)
        ])
        // Its answers too, so that item analysis need not read the file (a missed line: it does).
        if let identity { answerIndex.append([AnswerIndex.Entry(sheet: AnswerSheet(record), identity: identity)]) }
        return file
    }

    var index: RecordIndex { RecordIndex(directory: directory, installationKey: key) }
    var chain: RecordChain { RecordChain(directory: directory) }

    /// Logs a record file written here from elsewhere (an import, already verified with the key
    /// that signed it) in the records log, so that `records verify --all` misses it if it goes.
    /// A failure only leaves it "not in the records log".
    /// Its answers go to the answer index, as a record saved here.
    public func logImported(_ record: CompletionRecord, bytes: Data) {
        try? chain.append(recordID: record.id.uuidString.lowercased(), bytes: bytes, key: key)
        indexAnswers(of: [record])
    }

    /// Adds the answer index's lines of `records`, whose files are written and verified (what
    /// ``save(_:)`` does for one record), in one write: for tools that write many records at once.
    /// A record whose file is missing is left to be read when the answers are next needed.
    public func indexAnswers(of records: [CompletionRecord]) {
        answerIndex.append(
            records.compactMap { record in
                FileIdentity(path: file(for: record.id).path).map { AnswerIndex.Entry(sheet: AnswerSheet(record), identity: $0) }
            })
    }

    /// The summary of every record, for reports: from the index where its line checks out
    /// (the line was written under this installation's key) and the record file is still the
    /// one the line was taken from (same size, inode and times, by `stat`); else from the
    /// record file once ``verify(_:)`` passes, and a new index line is written. A record that
    /// does not verify is a problem, never counted, and so is an index line that does not
    /// check out. Much faster than ``loadAll()`` on a large store. Records signed elsewhere
    /// (imported) verify with `trusted` keys, when given, beside this installation's.
    public func summaries(trusting trusted: TrustedKeys? = nil) -> RecordListing.Summaries {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            return .init(summaries: [], problems: [])
        }
        let index = self.index
        var reading = index.read()
        let records = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
        // Each file by name in the open directory: no URL and no path to resolve per file.
        let folder = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if folder >= 0 { close(folder) } }
        let identities = ParallelMap.map(records) { FileIdentity(name: $0, in: folder) }
        var summaries: [CompletionSummary] = []
        summaries.reserveCapacity(records.count)
        var unindexed: [URL] = []
        for (name, identity) in zip(records, identities) {
            // A line without the file's identity or the verification code (index v1 to v3) is
            // read again from its record, once, as is a file changed since its line was written.
            // Each entry is moved out of the index's table, not copied.
            if let entry = reading.entries.removeValue(forKey: String(name.dropLast(5))), let identity,
                entry.identity == identity, entry.summary.verificationCode != nil
            {
                summaries.append(entry.summary)
            } else {
                unindexed.append(directory.appending(path: name))
            }
        }
        let read = Self.readInParallel(unindexed) { stored throws(RecordStoreError) in
            if let trusted { try Self.verify(stored, trusting: trusted) } else { try verify(stored) }
        }
        let repaired = read.records.map { CompletionSummary($0.record, verificationCode: $0.signed.verificationCode) }
        index.append(zip(read.records, repaired).map { RecordIndex.Entry(summary: $1, identity: $0.identity) })
        let damaged = reading.damagedLines.map { RecordStoreError.indexLineAltered(path: index.file.path, line: $0) }
        summaries.append(contentsOf: repaired)
        return .init(summaries: summaries, problems: read.problems + damaged)
    }

    /// Saves `record` unless a record with its id is already stored (a session finished again
    /// after a crash): then the stored one stands. Returns the file either way.
    public func saveOnce(_ record: CompletionRecord) throws(RecordStoreError) -> URL {
        let file = self.file(for: record.id)
        if FileManager.default.fileExists(atPath: file.path) { return file }
        return try save(record)
    }

    /// The file of the record `id`.
    public func file(for id: UUID) -> URL {
        directory.appending(path: "\(id.uuidString.lowercased()).json")
    }

    /// Every record, newest first, and a problem for each file that is not a readable record.
    /// One damaged or foreign file never hides the others. Files are read in parallel.
    public func loadAll() -> RecordListing {
        Self.loadAll(in: directory)
    }

    /// Every record in the records directory `directory`, as ``loadAll()`` reads them (no key
    /// is needed to read them: verify them with ``verify(_:trusting:)``).
    public static func loadAll(in directory: URL) -> RecordListing {
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

    /// Reads `files` in parallel, and checks each with `verify` when given; the problems keep
    /// the files' order.
    static func readInParallel(
        _ files: [URL], verify: (@Sendable (StoredRecord) throws(RecordStoreError) -> Void)? = nil
    ) -> RecordListing {
        let results = Mutex([Result<StoredRecord, RecordStoreError>?](repeating: nil, count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let result = Result { () throws(RecordStoreError) in
                let stored = try Self.read(files[index])
                try verify?(stored)
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
        try Self.find(id, in: directory)
    }

    /// The record in the records directory `directory` whose id is `id` or starts with it.
    public static func find(_ id: String, in directory: URL) throws(RecordStoreError) -> StoredRecord {
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
        try Self.checkName(of: stored)
        if let problem = stored.signed.problem(in: stored.bytes, trusting: key.publicKey) {
            throw RecordStoreError.altered(path: stored.file.path, reason: problem)
        }
    }

    /// Checks a stored record against its file's name and bytes and whichever of `keys` signed
    /// it: a record made elsewhere, checked with that district's or school's public key.
    public static func verify(_ stored: StoredRecord, trusting keys: TrustedKeys) throws(RecordStoreError) {
        try checkName(of: stored)
        if let problem = stored.signed.problem(in: stored.bytes, trusting: keys) {
            throw RecordStoreError.altered(path: stored.file.path, reason: problem)
        }
    }

    private static func checkName(of stored: StoredRecord) throws(RecordStoreError) {
        let id = stored.record.id.uuidString.lowercased()
        guard stored.file.deletingPathExtension().lastPathComponent == id else {
            throw RecordStoreError.altered(path: stored.file.path, reason: "it holds record \(id) under another name (a copy)")
        }
    }

    /// Reads a record file, with the identity of the file its bytes came from.
    public static func read(_ file: URL) throws(RecordStoreError) -> StoredRecord {
        let (data, identity): (Data, FileIdentity?)
        do {
            (data, identity) = try FileIdentity.read(file.path)
        } catch {
            throw RecordStoreError.cannotRead(path: file.path, reason: FileProblem.words(errno: error.code))
        }
        var stored = StoredRecord(file: file, bytes: data, signed: try SignedRecord.read(data, path: file.path))
        stored.identity = identity
        return stored
    }
}

/// A record read from its file, with the file's exact bytes for verification.
public struct StoredRecord: Sendable {
    public var file: URL
    public var bytes: Data
    public var signed: SignedRecord
    public var record: CompletionRecord { signed.record }
    /// The file's identity when its bytes were read.
    var identity: FileIdentity?

    init(file: URL, bytes: Data, signed: SignedRecord) {
        self.file = file
        self.bytes = bytes
        self.signed = signed
    }
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

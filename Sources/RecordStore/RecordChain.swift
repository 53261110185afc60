import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The records log (`records/chain.log`): one line appended for every record written, never
/// rewritten, so that a record deleted or replaced afterwards is found (the index is only a
/// cache; this log is evidence).
///
/// A line is `v1 <n> <record id> <SHA-256 of the record file> <SHA-256 of the previous line>
/// <key id> <Ed25519 signature>`, tab-separated: the signature covers the fields before it and
/// is made with the installation key, and each line names the hash of the line before, so a
/// line edited, removed or put in another order breaks the chain where it happened. Writers
/// hold an exclusive lock while they read the last line and append theirs, so any number of
/// processes can write at once.
struct RecordChain: Sendable {
    static let fileName = "chain.log"
    static let version = "v1"
    /// The "previous line" of the first line.
    static let start = String(repeating: "0", count: 64)

    let file: URL

    init(directory: URL) {
        file = directory.appending(path: Self.fileName)
    }

    /// One line of the log.
    struct Entry: Sendable, Equatable {
        var number: Int
        var recordID: String
        /// SHA-256 (hex) of the record file's bytes as written.
        var contentHash: String
        /// SHA-256 (hex) of the previous line, or ``RecordChain/start``.
        var previous: String
        var keyID: String
        /// Base64 Ed25519 signature of ``signedText``.
        var signature: String

        var signedText: String {
            [RecordChain.version, String(number), recordID, contentHash, previous, keyID].joined(separator: "\t")
        }

        var line: String { signedText + "\t" + signature }

        /// What the next line names as its previous one.
        var hash: String { SHA256.hash(data: Data(line.utf8)).hexDigits }

        init(
            number: Int, recordID: String, contentHash: String, previous: String, keyID: String, signature: String
        ) {
            self.number = number
            self.recordID = recordID
            self.contentHash = contentHash
            self.previous = previous
            self.keyID = keyID
            self.signature = signature
        }

        /// The entry on `line`, or nil when it is not one (its signature is not checked here).
        init?(line: Substring) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 7, fields[0] == RecordChain.version, let number = Int(fields[1]), number > 0,
                fields[3].count == 64, fields[4].count == 64
            else { return nil }
            self.init(
                number: number, recordID: String(fields[2]), contentHash: String(fields[3]), previous: String(fields[4]),
                keyID: String(fields[5]), signature: String(fields[6]))
        }

        /// Whether the signature is `key`'s over the entry.
        func isSigned(by key: Curve25519.Signing.PublicKey) -> Bool {
            guard keyID == key.keyID, let value = Data(base64Encoded: signature), value.base64EncodedString() == signature
            else { return false }
            return key.isValidSignature(value, for: Data(signedText.utf8))
        }
    }

    /// Appends the line of the record `recordID` whose file holds `bytes`, signed with `key`,
    /// after the last line, under an exclusive lock, and flushes it to the disk.
    func append(recordID: String, bytes: Data, key: InstallationKey) throws(FileOperationError) {
        let descriptor = open(file.path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw FileOperationError(call: "open", path: file.path, code: errno) }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX) == 0 else { throw FileOperationError(call: "flock", path: file.path, code: errno) }
        let tail = Self.tail(of: descriptor)
        let last = tail.lines.last
        var entry = Entry(
            number: (last?.number ?? 0) + 1, recordID: recordID, contentHash: SHA256.hash(data: bytes).hexDigits,
            previous: last?.hash ?? Self.start, keyID: key.keyID, signature: "")
        guard let signature = try? key.privateKey.signature(for: Data(entry.signedText.utf8)) else {
            throw FileOperationError(call: "sign", path: file.path, code: EINVAL)
        }
        entry.signature = signature.base64EncodedString()
        // A line cut short by a crash stays as it is (the audit reports it); ours starts afresh.
        let text = (tail.endsWithNewline ? "" : "\n") + entry.line + "\n"
        try SystemFileOperations().write(Data(text.utf8), to: descriptor)
        try SystemFileOperations().sync(descriptor)
    }

    /// The last whole entries of the open log (enough to continue the chain), and whether the
    /// file ends with a line break (or is empty).
    private static func tail(of descriptor: Int32) -> (lines: [Entry], endsWithNewline: Bool) {
        let size = lseek(descriptor, 0, SEEK_END)
        guard size > 0 else { return ([], true) }
        var length = min(Int(size), 4096)
        while true {
            var buffer = [UInt8](repeating: 0, count: length)
            let read = pread(descriptor, &buffer, length, off_t(Int(size) - length))
            guard read == length else { return ([], true) }
            let endsWithNewline = buffer.last == UInt8(ascii: "\n")
            let text = String(decoding: buffer, as: UTF8.self)
            var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
            if length < Int(size) { lines = Array(lines.dropFirst()) }  // may start mid-line
            if let last = lines.reversed().lazy.compactMap(Entry.init(line:)).first {
                return ([last], endsWithNewline)
            }
            if length == Int(size) { return ([], endsWithNewline) }
            length = min(Int(size), length * 8)
        }
    }

    /// The log's lines checked: the entries whose signature and place in the chain hold, by
    /// record id (the last one for an id), and a problem for each line that does not.
    func audit(trusting keys: [String: Curve25519.Signing.PublicKey]) -> Audit {
        guard let data = FileManager.default.contents(atPath: file.path) else { return Audit(exists: false) }
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let texts = lines.map { Substring(String(decoding: $0, as: UTF8.self)) }
        let entries = texts.map(Entry.init(line:))
        let signedByTrustedKey = ParallelMap.map(entries) { entry in
            guard let entry, let key = keys[entry.keyID] else { return false }
            return entry.isSigned(by: key)
        }
        var audit = Audit(exists: true)
        var previous: Entry?
        // The line after one already reported cannot follow it; that is not reported twice.
        var afterProblem = false
        for (offset, text) in texts.enumerated() {
            let number = offset + 1
            let problemsBefore = audit.problems.count
            defer { afterProblem = audit.problems.count > problemsBefore }
            if text.isEmpty {
                if offset == texts.count - 1 { continue }  // the file's final line break
                audit.problems.append(.init(line: number, reason: "the line is empty (a line was removed or cut short)"))
                continue
            }
            guard let entry = entries[offset] else {
                let reason =
                    offset == texts.count - 1
                    ? "the last line is incomplete (a crash while it was written, or an edit)"
                    : "the line is not a log entry (it was edited or damaged)"
                audit.problems.append(.init(line: number, reason: reason))
                continue
            }
            guard signedByTrustedKey[offset] else {
                let reason =
                    keys[entry.keyID] == nil
                    ? "the line is signed with key \(entry.keyID), not a key it is checked with"
                    : "the line's signature does not match it (it was edited)"
                audit.problems.append(.init(line: number, reason: reason))
                continue
            }
            let expected = (previous?.number ?? 0) + 1
            if !afterProblem, entry.previous != (previous?.hash ?? Self.start) || entry.number != expected {
                let reason =
                    previous.map { "the line does not follow entry \($0.number) (an entry was removed, edited or moved)" }
                    ?? "the first entry does not start the log (entries were removed from its start)"
                audit.problems.append(.init(line: number, reason: reason))
            }
            previous = entry
            audit.entries[entry.recordID] = (number, entry)
        }
        audit.count = previous?.number ?? 0
        audit.head = previous?.hash
        return audit
    }

    /// What ``audit(trusting:)`` found.
    struct Audit: Sendable {
        var exists: Bool
        /// The trusted entries by record id, with their line number.
        var entries: [String: (line: Int, entry: Entry)] = [:]
        var problems: [Problem] = []
        /// The number and hash of the last trusted entry.
        var count = 0
        var head: String?

        struct Problem: Sendable, Equatable {
            var line: Int
            var reason: String
        }
    }
}

import Crypto
import Dispatch
import Foundation
import Records
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A summary line per record (`records/index.log`), so that a school-year report over a
/// hundred thousand records reads one file instead of a hundred thousand.
///
/// The index is a cache, never the record: every line carries an HMAC-SHA256 under a key
/// derived from the installation's private key, so a line cannot be forged or edited without
/// that key, and the identity of the record file it was taken from (``FileIdentity``: size,
/// inode, modification and change times), so a file emptied, overwritten or edited since is
/// read again. A line that does not check out is reported (never used), and its record read
/// from the file, as is a record that has no line (a crash between writing the record and its
/// line) or whose file is not the one the line was taken from. Lines are appended with one
/// `write` under an exclusive lock, so writers at the same time never interleave.
struct RecordIndex: Sendable {
    static let fileName = "index.log"
    /// v2 added group attendance ("a" or "p" for the result); v3 the record file's identity (a
    /// 14th field); v4 the record's verification code (a 15th). Lines before v4 read the same,
    /// without what they lack: their records are read again from the file, once.
    static let version = "v4"
    static let readableVersions: Set<String> = ["v1", "v2", "v3", "v4"]

    let file: URL
    /// An HMAC already keyed, copied for each line (keying it costs more than a short line).
    private let keyedMAC: HMAC<SHA256>

    init(directory: URL, installationKey: InstallationKey) {
        file = directory.appending(path: Self.fileName)
        let key = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: installationKey.privateKey.rawRepresentation),
            info: Data("csec-trainer record index v1".utf8), outputByteCount: 32)
        keyedMAC = HMAC<SHA256>(key: key)
    }

    /// One line: a record's summary, and the identity of its file when the line was written.
    struct Entry: Sendable, Equatable {
        var summary: CompletionSummary
        /// Nil on lines of versions 1 and 2.
        var identity: FileIdentity?
    }

    /// What ``read()`` found: the lines that check out, by record id (the last line for an id),
    /// and the numbers of the lines that do not.
    struct Reading: Sendable {
        var entries: [String: Entry] = [:]
        var damagedLines: [Int] = []
    }

    /// Appends the entries' lines in one write. Failure is not an error for the records:
    /// the report reads a record's file when its line is missing.
    func append(_ entries: [Entry]) {
        guard !entries.isEmpty else { return }
        let text = entries.map { self.line(for: $0.summary, identity: $0.identity) + "\n" }.joined()
        let descriptor = open(file.path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX) == 0 else { return }
        // After a line cut short by a crash, start a new line rather than finish that one.
        var last: UInt8 = UInt8(ascii: "\n")
        let size = lseek(descriptor, 0, SEEK_END)
        if size > 0 { _ = pread(descriptor, &last, 1, size - 1) }
        let bytes = Data(((last == UInt8(ascii: "\n") ? "" : "\n") + text).utf8)
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }

    /// The lines that check out, and the numbers of those that do not. Large indexes are read
    /// in parallel, in chunks that end at line ends.
    func read() -> Reading {
        guard let data = FileManager.default.contents(atPath: file.path) else { return Reading() }
        let bytes = [UInt8](data)
        let chunkCount = max(1, min(16, bytes.count / 65_536))
        var bounds = [0]
        for chunk in 1..<chunkCount {
            let guess = max(bounds[bounds.count - 1], bytes.count * chunk / chunkCount)
            bounds.append((bytes[guess...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count - 1) + 1)
        }
        bounds.append(bytes.count)
        let limits = bounds
        /// Per chunk: the entries, the damaged lines' numbers within the chunk, and its line count.
        typealias Chunk = (entries: [Entry], damaged: [Int], lineCount: Int)
        let chunks = Mutex([Chunk](repeating: ([], [], 0), count: chunkCount))
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var found: Chunk = ([], [], 0)
            var start = limits[chunk]
            while start < limits[chunk + 1] {
                let end = bytes[start..<limits[chunk + 1]].firstIndex(of: UInt8(ascii: "\n")) ?? limits[chunk + 1]
                if let entry = entry(in: bytes[start..<end]) {
                    found.entries.append(entry)
                } else if end > start {
                    found.damaged.append(found.lineCount)
                }
                found.lineCount += 1
                start = end + 1
            }
            chunks.withLock { $0[chunk] = found }
        }
        var reading = Reading()
        reading.entries.reserveCapacity(bytes.count / 160)
        var linesBefore = 0
        for chunk in chunks.withLock({ $0 }) {
            for entry in chunk.entries { reading.entries[entry.summary.id] = entry }
            reading.damagedLines += chunk.damaged.map { linesBefore + $0 + 1 }
            linesBefore += chunk.lineCount
        }
        return reading
    }

    /// The line of `summary`, as index `version` writes it (from version 3, with `identity`).
    func line(for summary: CompletionSummary, identity: FileIdentity? = nil, version: String = Self.version) -> String {
        let trainee = summary.trainee
        let identityField = version == "v1" || version == "v2" ? [] : [identity?.text ?? ""]
        let codeField = version == "v4" ? [summary.verificationCode ?? ""] : []
        let fields: [String] =
            [
                version, summary.id, summary.completedAt.description, summary.outcome.resultCode,
                summary.outcome.percent.map(String.init) ?? "", summary.jurisdiction, trainee.name, trainee.employeeID ?? "",
                trainee.email ?? "",
                trainee.school ?? "", trainee.district ?? "", trainee.role ?? "", trainee.hireDate?.description ?? "",
            ] + identityField + codeField
        let text = fields.map(Self.escaped).joined(separator: "\t")
        return text + "\t" + authentication(of: Data(text.utf8))
    }

    private func entry(in line: ArraySlice<UInt8>) -> Entry? {
        guard let tab = line.lastIndex(of: UInt8(ascii: "\t")),
            authentication(of: line[..<tab]).utf8.elementsEqual(line[(tab + 1)...])
        else { return nil }
        let fields = line[..<tab].split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map(Self.unescaped)
        let fieldCount = ["v3": 14, "v4": 15][fields.first ?? ""] ?? 13
        guard fields.count == fieldCount, Self.readableVersions.contains(fields[0]),
            let completed = Timestamp(fields[2]), let outcome = CompletionOutcome(resultCode: fields[3], percent: fields[4])
        else { return nil }
        func optional(_ text: String) -> String? { text.isEmpty ? nil : text }
        let summary = CompletionSummary(
            id: fields[1],
            trainee: Trainee(
                name: fields[6], employeeID: optional(fields[7]), email: optional(fields[8]), school: optional(fields[9]),
                district: optional(fields[10]), role: optional(fields[11]), hireDate: CalendarDate(fields[12])),
            completedAt: completed, outcome: outcome, jurisdiction: fields[5],
            verificationCode: fields.count == 15 ? optional(fields[14]) : nil)
        return Entry(summary: summary, identity: fields.count >= 14 ? FileIdentity(text: fields[13]) : nil)
    }

    private func authentication(of text: some DataProtocol) -> String {
        var mac = keyedMAC
        mac.update(data: text)
        return mac.finalize().hexDigits
    }

    private static func escaped(_ field: String) -> String { TabSeparatedField.escaped(field) }

    private static func unescaped(_ bytes: ArraySlice<UInt8>) -> String { TabSeparatedField.unescaped(bytes) }
}

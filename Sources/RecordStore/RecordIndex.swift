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
/// that key; a line that does not check out, or a record that has no line (a crash between
/// writing the record and its line), is read from the record file itself. Lines are appended
/// with one `write` under an exclusive lock, so writers at the same time never interleave.
struct RecordIndex: Sendable {
    static let fileName = "index.log"
    /// v2 added group attendance ("a" or "p" for the result); v1 lines read the same.
    /// v3 added the verification code (a 14th field).
    static let version = "v3"
    static let readableVersions: Set<String> = ["v1", "v2", "v3"]

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

    /// Appends the summaries' lines in one write. Failure is not an error for the records:
    /// the report reads a record's file when its line is missing.
    func append(_ summaries: [CompletionSummary]) {
        guard !summaries.isEmpty else { return }
        let line = Data(summaries.map { self.line(for: $0) + "\n" }.joined().utf8)
        let descriptor = open(file.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX) == 0 else { return }
        _ = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }

    /// The summaries whose lines check out, by record id. Large indexes are read in parallel,
    /// in chunks that end at line ends.
    func read() -> [String: CompletionSummary] {
        guard let data = FileManager.default.contents(atPath: file.path) else { return [:] }
        let bytes = [UInt8](data)
        let chunkCount = max(1, min(16, bytes.count / 65_536))
        var bounds = [0]
        for chunk in 1..<chunkCount {
            let guess = max(bounds[bounds.count - 1], bytes.count * chunk / chunkCount)
            bounds.append((bytes[guess...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count - 1) + 1)
        }
        bounds.append(bytes.count)
        let limits = bounds
        let chunks = Mutex([[CompletionSummary]](repeating: [], count: chunkCount))
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var found: [CompletionSummary] = []
            var start = limits[chunk]
            while start < limits[chunk + 1] {
                let end = bytes[start..<limits[chunk + 1]].firstIndex(of: UInt8(ascii: "\n")) ?? limits[chunk + 1]
                if let summary = summary(in: bytes[start..<end]) { found.append(summary) }
                start = end + 1
            }
            chunks.withLock { $0[chunk] = found }
        }
        var summaries: [String: CompletionSummary] = [:]
        summaries.reserveCapacity(bytes.count / 160)
        for chunk in chunks.withLock({ $0 }) {
            for summary in chunk { summaries[summary.id] = summary }
        }
        return summaries
    }

    /// The line of `summary`, as index `version` writes it.
    func line(for summary: CompletionSummary, version: String = Self.version) -> String {
        let trainee = summary.trainee
        let fields: [String] = [
            version, summary.id, summary.completedAt.description, Self.resultField(summary.outcome),
            summary.outcome.percent.map(String.init) ?? "", summary.jurisdiction, trainee.name, trainee.employeeID ?? "",
            trainee.email ?? "",
            trainee.school ?? "", trainee.district ?? "", trainee.role ?? "", trainee.hireDate?.description ?? "",
        ].map(Self.escaped)
        let code = version == "v3" ? "\t" + Self.escaped(summary.verificationCode ?? "") : ""
        let text = fields.joined(separator: "\t") + code
        return text + "\t" + authentication(of: Data(text.utf8))
    }

    private func summary(in line: ArraySlice<UInt8>) -> CompletionSummary? {
        guard let tab = line.lastIndex(of: UInt8(ascii: "\t")),
            authentication(of: line[..<tab]).utf8.elementsEqual(line[(tab + 1)...])
        else { return nil }
        let fields = line[..<tab].split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map(Self.unescaped)
        guard fields.count == (fields[0] == "v3" ? 14 : 13), Self.readableVersions.contains(fields[0]),
            let completed = Timestamp(fields[2]),
            let outcome = Self.outcome(result: fields[3], percent: fields[4])
        else { return nil }
        func optional(_ text: String) -> String? { text.isEmpty ? nil : text }
        return CompletionSummary(
            id: fields[1],
            trainee: Trainee(
                name: fields[6], employeeID: optional(fields[7]), email: optional(fields[8]), school: optional(fields[9]),
                district: optional(fields[10]), role: optional(fields[11]), hireDate: CalendarDate(fields[12])),
            completedAt: completed, outcome: outcome, jurisdiction: fields[5],
            verificationCode: fields.count == 14 ? optional(fields[13]) : nil)
    }

    /// "1" passed, "0" not passed, "a" attended a whole group session, "p" part of one (no percent).
    private static func resultField(_ outcome: CompletionOutcome) -> String {
        switch outcome {
        case .scored(_, let passed): passed ? "1" : "0"
        case .attended(let wholeSession): wholeSession ? "a" : "p"
        }
    }

    private static func outcome(result: String, percent: String) -> CompletionOutcome? {
        switch (result, Int(percent)) {
        case ("1", let percent?): .scored(percent: percent, passed: true)
        case ("0", let percent?): .scored(percent: percent, passed: false)
        case ("a", nil) where percent.isEmpty: .attended(wholeSession: true)
        case ("p", nil) where percent.isEmpty: .attended(wholeSession: false)
        default: nil
        }
    }

    private func authentication(of text: some DataProtocol) -> String {
        var mac = keyedMAC
        mac.update(data: text)
        return mac.finalize().hexDigits
    }

    private static func escaped(_ field: String) -> String {
        field.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }

    private static func unescaped(_ bytes: ArraySlice<UInt8>) -> String {
        let field = String(decoding: bytes, as: UTF8.self)
        guard bytes.contains(UInt8(ascii: "\\")) else { return field }
        var result = ""
        var escaping = false
        for character in field {
            if escaping {
                result.append(character == "t" ? "\t" : character == "n" ? "\n" : character == "r" ? "\r" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}

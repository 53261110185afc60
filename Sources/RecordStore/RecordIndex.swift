import Foundation
import Records

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

    let lines: AuthenticatedLines
    var file: URL { lines.file }

    init(directory: URL, installationKey: InstallationKey) {
        lines = AuthenticatedLines(
            file: directory.appending(path: Self.fileName), installationKey: installationKey,
            info: "csec-trainer record index v1")
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
        lines.append { _ in entries.map { self.line(for: $0.summary, identity: $0.identity) + "\n" }.joined() }
    }

    /// The lines that check out, and the numbers of those that do not. Large indexes are read
    /// in parallel, in chunks that end at line ends.
    func read() -> Reading {
        let found = lines.read(chunkBytes: 65_536, maximumChunks: 16) { Self.entry(in: $0) }
        var reading = Reading(damagedLines: found.damaged)
        reading.entries.reserveCapacity(found.values.count)
        for (_, entry) in found.values { reading.entries[entry.summary.id] = entry }
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
        return lines.line(fields.map(Self.escaped).joined(separator: "\t"))
    }

    /// The entry of a line whose HMAC checked out, from its fields.
    private static func entry(in line: [ArraySlice<UInt8>]) -> Entry? {
        let fields = line.map(Self.unescaped)
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

    private static func escaped(_ field: String) -> String { TabSeparatedField.escaped(field) }

    private static func unescaped(_ bytes: ArraySlice<UInt8>) -> String { TabSeparatedField.unescaped(bytes) }
}

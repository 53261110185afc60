import Crypto
import Foundation

/// The audit log's lines, chained as the records log chains its lines (`records/chain.log`):
/// each line names the SHA-256 of the line before it, so a line edited, removed or moved
/// breaks the chain where it happened. A line is one JSON object:
/// `{"event":{…},"formatVersion":1,"number":N,"previous":"<64 hex digits>"}` (keys sorted), the
/// first line's `previous` being 64 zeros. The embedded store keeps the lines in
/// `accounts/audit.jsonl`, PostgreSQL in the `audit_log` table; both are read back through
/// ``check(_:)``.
public enum AuditChain {
    public static let version = 1
    /// The "previous line" of the first line.
    public static let start = String(repeating: "0", count: 64)

    /// One line as written.
    struct Line: Codable {
        var version: Int
        var number: Int
        var previous: String
        var event: AuditEvent

        enum CodingKeys: String, CodingKey {
            case version = "formatVersion"
            case number, previous, event
        }
    }

    /// The line that follows `last` (nil for the first line) with `event`, without its line break.
    public static func line(for event: AuditEvent, after last: String?) throws(AccountError) -> String {
        let number = last.flatMap { decode(Substring($0))?.number } ?? 0
        let line = Line(version: version, number: number + 1, previous: last.map(hash) ?? start, event: event)
        guard let data = try? encoder.encode(line), let text = String(data: data, encoding: .utf8) else {
            throw .storage(location: "audit log", reason: "the event could not be written as JSON")
        }
        return text
    }

    /// The entry number of `line`, nil when it is not an audit line.
    public static func number(of line: String) -> Int? { decode(Substring(line))?.number }

    /// The SHA-256 of a line (without its line break), which the next line names.
    public static func hash(_ line: String) -> String { SecretToken.hash(line) }

    /// The events of `lines` in order, and a problem for each line that is not where the chain
    /// says it should be. An empty last line (the file's final line break) is not a line.
    public static func check(_ lines: [Substring]) -> AuditTrail {
        var trail = AuditTrail()
        var previous: (number: Int, hash: String)?
        var afterProblem = false
        for (offset, text) in lines.enumerated() {
            let lineNumber = offset + 1
            if text.isEmpty, offset == lines.count - 1 { break }
            guard let line = decode(text) else {
                trail.problems.append(
                    AuditTrail.Problem(
                        line: lineNumber,
                        reason: text.isEmpty
                            ? "the line is empty (a line was removed or cut short)"
                            : "the line is not an audit entry (it was edited or damaged)"))
                afterProblem = true
                continue
            }
            let expectedNumber = (previous?.number ?? 0) + 1
            let expectedPrevious = previous?.hash ?? start
            if !afterProblem, line.number != expectedNumber || line.previous != expectedPrevious {
                trail.problems.append(
                    AuditTrail.Problem(
                        line: lineNumber,
                        reason: previous.map {
                            "the line does not follow entry \($0.number) (an entry was removed, edited or moved)"
                        } ?? "the first entry does not start the log (entries were removed from its start)"))
            }
            afterProblem = false
            previous = (line.number, hash(String(text)))
            trail.entries.append(AuditTrail.Entry(number: line.number, event: line.event))
        }
        return trail
    }

    static func decode(_ text: Substring) -> Line? {
        guard let line = try? decoder.decode(Line.self, from: Data(text.utf8)), line.version == version,
            line.number > 0, line.previous.count == 64
        else { return nil }
        return line
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}

/// The audit log read back: its events in order, and what breaks its chain.
public struct AuditTrail: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var number: Int
        public var event: AuditEvent
    }

    /// A line that is not what the chain says: its line number (from 1) and why.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var reason: String

        public var description: String { "line \(line): \(reason)" }
    }

    public var entries: [Entry] = []
    public var problems: [Problem] = []

    public var events: [AuditEvent] { entries.map(\.event) }
}

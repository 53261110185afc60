import Foundation
import GroupSessions

/// What a session journal holds: its header, its events in order, and whether the session
/// finished (its records were written).
public struct SessionJournalContents: Sendable, Equatable {
    public var header: SessionJournalHeader
    public var events: [SessionEvent]
    /// When the session's records were written; nil while it can be resumed.
    public var finished: Date?
    /// The length of the complete lines: a last line cut short by a crash lies beyond it.
    var completeLength: Int
    /// How many bytes of a cut-short last line were dropped (0 when there was none).
    public var droppedBytes: Int

    /// The journal line of event `index` (from 0): the header is line 1.
    public static func line(ofEvent index: Int) -> Int { index + 2 }

    /// Reads a journal's bytes. A last line without its line break is a write cut short by a
    /// crash and is dropped; any other line that is not a journal line is an error naming it.
    init(bytes: Data, path: String) throws(SessionJournalError) {
        let complete = bytes.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? bytes.startIndex
        completeLength = complete - bytes.startIndex
        droppedBytes = bytes.count - completeLength
        let lines = bytes[..<complete].split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast()
        guard let first = lines.first else {
            throw .damagedLine(path: path, line: 1, problem: "the journal is empty: its first line was never written")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let header: SessionJournalHeader
        do {
            header = try decoder.decode(SessionJournalHeader.self, from: Data(first))
        } catch {
            throw .damagedLine(path: path, line: 1, problem: "not a session journal's first line: \(Self.explain(error))")
        }
        guard header.format <= SessionJournalHeader.currentFormat else {
            throw .unsupportedFormat(path: path, found: header.format)
        }
        self.header = header
        events = []
        events.reserveCapacity(lines.count)
        for (offset, line) in lines.dropFirst().enumerated() {
            let number = offset + 2
            if finished != nil { throw .damagedLine(path: path, line: number, problem: "a line after the session finished") }
            do {
                events.append(try decoder.decode(SessionEvent.self, from: Data(line)))
            } catch {
                guard let end = try? decoder.decode(SessionJournalEnd.self, from: Data(line)) else {
                    throw .damagedLine(path: path, line: number, problem: Self.explain(error))
                }
                finished = end.finished
            }
        }
    }

    /// What is wrong with a line, in a few words.
    static func explain(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            "“\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))” is missing"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "“\(context.codingPath.map(\.stringValue).joined(separator: "."))” is not the kind of value expected"
        case DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty:
            "it is not JSON"
        case DecodingError.dataCorrupted(let context):
            "“\(context.codingPath.map(\.stringValue).joined(separator: "."))”: \(context.debugDescription)"
        default:
            "\(error)"
        }
    }
}

import Accounts
import Foundation
import Testing

/// The audit log's hash chain finds a line edited, removed, moved or added in the middle.
@Suite struct AuditChainTests {
    static func log(_ count: Int) throws -> [String] {
        var lines: [String] = []
        for index in 0..<count {
            let event = AuditEvent(
                at: AccountSamples.now + Double(index), action: .signedIn, actor: "Person \(index)", detail: "invitation link")
            lines.append(try AuditChain.line(for: event, after: lines.last))
        }
        return lines
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var damage: @Sendable ([String]) -> [String]
        /// The lines reported (from 1).
        var reported: [Int]
        var testDescription: String { name }
    }

    static let cases = [
        Case(name: "untouched", damage: { $0 }, reported: []),
        Case(
            name: "an event edited", damage: { edit($0, 2) { $0.replacingOccurrences(of: "Person 2", with: "Person 7") } },
            reported: [4]),
        Case(
            name: "the last event edited", damage: { edit($0, 5) { $0.replacingOccurrences(of: "Person 5", with: "Nobody") } },
            reported: []),
        Case(
            name: "a line removed", damage: { lines in lines.enumerated().filter { $0.offset != 2 }.map(\.element) },
            reported: [3]),
        Case(name: "the first line removed", damage: { Array($0.dropFirst()) }, reported: [1]),
        Case(
            name: "two lines swapped",
            damage: { lines in
                var l = lines; l.swapAt(1, 2); return l
            }, reported: [2, 3, 4]),
        Case(name: "a line made unreadable", damage: { edit($0, 3) { String($0.dropLast(4)) } }, reported: [4]),
        Case(
            name: "an empty line put in",
            damage: { lines in
                var l = lines; l.insert("", at: 2); return l
            }, reported: [3]),
    ]

    static func edit(_ lines: [String], _ index: Int, _ change: (String) -> String) -> [String] {
        var lines = lines
        lines[index] = change(lines[index])
        return lines
    }

    @Test(arguments: cases)
    func damageIsFoundWhereItHappened(rule: Case) throws {
        let lines = rule.damage(try Self.log(6))
        let trail = AuditChain.check((lines + [""]).map { Substring($0) })
        #expect(trail.problems.map(\.line) == rule.reported, "\(trail.problems)")
    }

    @Test func eachLineNamesTheHashOfTheOneBefore() throws {
        let lines = try Self.log(3)
        #expect(lines[0].contains("\"previous\":\"\(AuditChain.start)\""))
        #expect(lines[1].contains("\"previous\":\"\(AuditChain.hash(lines[0]))\""))
        #expect(lines.map { AuditChain.number(of: $0) } == [1, 2, 3])
    }

    @Test func theEmbeddedLogIsOnlyAppendedTo() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = FileAccountStore(dataDirectory: folder.url)
        let file = folder.url.appending(path: "accounts/audit.jsonl")
        var before = Data()
        for index in 0..<20 {
            try await store.appendAudit(
                AuditEvent(at: AccountSamples.now, action: .recordsExported, actor: "Dana", detail: "export \(index)"))
            let after = try Data(contentsOf: file)
            #expect(after.starts(with: before) && after.count > before.count)
            before = after
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func aLineCutShortByACrashIsReportedAndTheNextAppendStartsAfresh() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = FileAccountStore(dataDirectory: folder.url)
        let event = AuditEvent(at: AccountSamples.now, action: .signedOut, actor: "Ana", detail: "")
        try await store.appendAudit(event)
        let file = folder.url.appending(path: "accounts/audit.jsonl")
        let handle = try FileHandle(forWritingTo: file)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"event\":{\"act".utf8))
        try handle.close()
        try await store.appendAudit(event)
        let trail = try await store.auditTrail()
        #expect(trail.entries.map(\.number) == [1, 2])
        #expect(trail.problems.map(\.line) == [2])
    }
}

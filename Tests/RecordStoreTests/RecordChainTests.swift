import Crypto
import Dispatch
import Foundation
import Records
import Synchronization
import TestSupport
import Testing

@testable import RecordStore

/// The records log (`records/chain.log`): a record deleted, replaced or edited, and a log line
/// edited or removed, are each reported by the audit behind `records verify --all`.
struct RecordChainTests {
    let dataDirectory = FileManager.default.temporaryDirectory.appending(path: "csec-chain-\(UUID().uuidString)")

    func store() throws -> RecordStore {
        RecordStore(dataDirectory: dataDirectory, key: try InstallationKey.loadOrCreate(in: dataDirectory))
    }

    var logFile: URL { dataDirectory.appending(path: "records/chain.log") }

    func saved(_ store: RecordStore, count: Int = 4) throws -> [CompletionRecord] {
        let records = (0..<count).map { SampleRecords.record(name: "Trainee \($0)", percent: 80 + $0) }
        for record in records { try store.save(record) }
        return records
    }

    func logLines() throws -> [String] {
        try String(contentsOf: logFile, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
    }

    func writeLog(_ lines: [String]) throws {
        try Data(lines.joined(separator: "\n").utf8).write(to: logFile)
    }

    @Test func everyRecordWrittenIsLoggedAndTheAuditPasses() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let store = try store()
        let records = try saved(store)
        let audit = store.audit()
        #expect(audit.problems.isEmpty)
        #expect(audit.notLogged.isEmpty)
        #expect(Set(audit.verified.map(\.record.id)) == Set(records.map(\.id)))
        #expect(audit.logEntryCount == 4)
        let lines = try logLines().filter { !$0.isEmpty }
        #expect(lines.count == 4)
        #expect(lines.enumerated().allSatisfy { $0.element.hasPrefix("v1\t\($0.offset + 1)\t") })
        #expect(audit.logHead == SHA256.hash(data: Data(lines[3].utf8)).map { String(format: "%02x", $0) }.joined())
    }

    @Test func aDeletedRecordIsReportedMissing() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let store = try store()
        let records = try saved(store)
        let deleted = store.file(for: records[2].id)
        try FileManager.default.removeItem(at: deleted)
        let audit = store.audit()
        #expect(audit.problems == [.missing(path: deleted.path, log: logFile.path, line: 3)])
        #expect(audit.problems[0].description.contains("MISSING"))
        #expect(audit.verified.count == 3)
    }

    @Test func anEditedRecordIsReportedAltered() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let store = try store()
        let records = try saved(store)
        let file = store.file(for: records[1].id)
        let edited = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "Trainee 1", with: "Trainee 9")
        try Data(edited.utf8).write(to: file)
        let audit = store.audit()
        #expect(audit.problems.count == 1)
        #expect(audit.problems.first?.description.hasPrefix("\(file.path): error: ALTERED") == true)
    }

    /// A record replaced by another one signed with the same key under the same id (as someone
    /// holding the key could make) verifies alone; the log tells it from the one written.
    @Test func aRecordReplacedByAnotherSignedOneIsReportedAltered() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let store = try store()
        let records = try saved(store)
        var forged = records[0]
        forged.score?.percent = 100
        let file = store.file(for: forged.id)
        try SignedRecord(signing: forged, with: store.key).fileContents().write(to: file)
        try store.verify(try store.find(forged.id.uuidString))
        let audit = store.audit()
        #expect(audit.problems.count == 1)
        #expect(audit.problems.first?.description.contains("not those the records log holds for it (line 1)") == true)
    }

    @Test func anEditedLogLineIsReported() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let store = try store()
        _ = try saved(store)
        var lines = try logLines()
        var fields = lines[1].split(separator: "\t").map(String.init)
        fields[3] = String(fields[3].reversed())
        lines[1] = fields.joined(separator: "\t")
        try writeLog(lines)
        let audit = store.audit()
        #expect(audit.problems.count == 1)
        guard case .logAltered(let path, let line, let reason) = audit.problems.first else {
            Issue.record("expected a log problem, got \(audit.problems)")
            return
        }
        #expect(path == logFile.path && line == 2)
        #expect(reason.contains("signature does not match"))
    }

    @Test func aRemovedLogLineIsReported() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let store = try store()
        let records = try saved(store)
        var lines = try logLines()
        lines.remove(at: 1)
        try writeLog(lines)
        let audit = store.audit()
        // The line after the removed one no longer follows its predecessor; the record whose
        // line was removed is no longer vouched for by the log.
        #expect(audit.problems.count == 1)
        #expect(audit.problems.first?.description.hasPrefix("\(logFile.path):2: error: the records log was changed") == true)
        #expect(audit.problems.first?.description.contains("does not follow entry 1") == true)
        #expect(audit.notLogged.map(\.record.id) == [records[1].id])
    }

    /// A record written before the log was kept (or copied in) verifies, and is listed as not
    /// in the log.
    @Test func aRecordWithoutALogLineIsListedAsNotLogged() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let store = try store()
        _ = try saved(store, count: 2)
        let older = SampleRecords.record(name: "Written Before The Log")
        try SignedRecord(signing: older, with: store.key).fileContents().write(to: store.file(for: older.id))
        let audit = store.audit()
        #expect(audit.problems.isEmpty)
        #expect(audit.notLogged.map(\.record.id) == [older.id])
        #expect(audit.verified.count == 3)
    }

    /// A line cut short by a crash is reported once; the entries written after it continue the
    /// chain from the last whole line.
    @Test func aLineCutShortByACrashIsReportedAndTheChainGoesOn() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let store = try store()
        _ = try saved(store, count: 2)
        let handle = try FileHandle(forWritingTo: logFile)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("v1\t3\tabc".utf8))
        try handle.close()
        _ = try saved(store, count: 2)
        let audit = store.audit()
        #expect(audit.logEntryCount == 4)
        #expect(audit.problems.count == 1)
        #expect(audit.problems.first?.description.hasPrefix("\(logFile.path):3: error:") == true)
    }

    /// Writers at the same time (each with its own open file, as separate processes have) keep
    /// one valid chain: every record logged once, numbered 1 to 100 without a gap.
    @Test func aHundredWritersAtOnceKeepTheChainValid() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let store = try store()
        let failures = Mutex(0)
        // A hundred threads, each released at the same moment, not a pool the size of the cores.
        let start = DispatchSemaphore(value: 0)
        let finished = DispatchGroup()
        for number in 0..<100 {
            finished.enter()
            Thread {
                start.wait()
                do {
                    try store.save(SampleRecords.record(name: "Trainee \(number)"))
                } catch {
                    failures.withLock { $0 += 1 }
                }
                finished.leave()
            }.start()
        }
        for _ in 0..<100 { start.signal() }
        finished.wait()
        #expect(failures.withLock { $0 } == 0)
        let audit = store.audit()
        #expect(audit.problems.isEmpty)
        #expect(audit.notLogged.isEmpty)
        #expect(audit.verified.count == 100)
        #expect(audit.logEntryCount == 100)
        let numbers = try logLines().filter { !$0.isEmpty }.map { Int($0.split(separator: "\t")[1]) }
        #expect(numbers == Array(1...100))
    }
}

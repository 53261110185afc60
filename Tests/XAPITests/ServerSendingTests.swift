import Completion
import Foundation
import Records
import Storage
import Synchronization
import TestSupport
import Testing
import XAPI

/// How the district server sends as attempts finish: a record is queued once it is stored, and
/// the background sender delivers it when nudged.
struct ServerSendingTests {
    @Test func aStoredRecordIsQueuedAndTheSenderDeliversIt() async throws {
        let data = try TemporaryData()
        defer { data.remove() }
        let outbox = StatementOutbox(directory: data.url.appending(path: "xapi-outbox/lrs"))
        let lrs = ScriptedLRS([.delivered])
        let sender = StatementSender(
            delivery: StatementDelivery(outbox: outbox, transport: lrs, clock: RecordingClock()), retryAfter: .seconds(60))
        let queuedNow = Mutex<[Bool]>([])
        let export = StatementExport(
            records: data.records,
            actors: ActorPolicy(
                homePage: URL(string: "https://district.example.org")!, pseudonymSecret: Data("test secret".utf8)), content: nil)
        let records = StatementQueueingRepository(base: data.records, export: export, outbox: outbox) { result in
            queuedNow.withLock { $0.append((try? result.get()) ?? false) }
            sender.nudge()
        }
        let record = SampleRecords.record(employeeID: "E-1")
        let reports = Mutex<[DeliveryReport]>([])
        let running = Task {
            await sender.run { result in
                if case .success(let report) = result { reports.withLock { $0.append(report) } }
            }
        }
        _ = try await records.saveOnce(record)
        _ = try await records.saveOnce(record)
        #expect(queuedNow.withLock { $0 } == [true, false])
        let deadline = ContinuousClock.now + .seconds(30)
        while reports.withLock({ $0.flatMap(\.delivered) }).isEmpty, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        running.cancel()
        sender.finish()
        await running.value
        #expect(reports.withLock { $0.flatMap(\.delivered) } == [record.id.uuidString.lowercased()])
        #expect(try outbox.pending().isEmpty)
        let sent = try Statement.statements(fromJSON: try #require(lrs.sent.first))
        #expect(sent == export.statements(of: record))
    }
}

import Accounts
import Completion
import Foundation
import Records
import Storage
import Synchronization
import TestSupport
import Testing
import XAPI

/// How the district server sends as attempts finish: a record is queued once it is stored, the
/// background sender delivers it when nudged, and a record stored while the server was down is
/// queued when the sending starts.
struct ServerSendingTests {
    @Test func aStoredRecordIsQueuedAndTheSenderDeliversIt() async throws {
        let data = try TemporaryData()
        defer { data.remove() }
        let lrs = ScriptedLRS([.delivered])
        let channel = StatementChannels.channel(in: data, lrs: lrs)
        let sender = StatementSender(delivery: channel.delivery(clock: RecordingClock()), retryAfter: .seconds(60))
        let events = Mutex<[StatementChannel.Event]>([])
        let records = channel.queueing(over: data.records, sender: sender) { event in events.withLock { $0.append(event) } }
        let earlier = SampleRecords.record(employeeID: "E-0")
        _ = try await data.records.saveOnce(earlier)  // stored while the server was down
        let running = Task {
            await channel.sendInBackground(records: data.records, sender: sender) { event in
                events.withLock { $0.append(event) }
            }
        }
        let record = SampleRecords.record(employeeID: "E-1")
        try await Self.waitFor(events, delivered: 1)
        _ = try await records.saveOnce(record)
        _ = try await records.saveOnce(record)
        try await Self.waitFor(events, delivered: 2)
        running.cancel()
        sender.finish()
        await running.value

        let heard = events.withLock { $0 }
        #expect(heard.compactMap(\.backlog).map(\.queued) == [1])
        #expect(!heard.contains { $0.isFailure })
        let ids = [earlier, record].map { $0.id.uuidString.lowercased() }
        #expect(heard.compactMap(\.report).flatMap(\.delivered) == ids)
        #expect(try channel.outbox.pending().isEmpty)
        let sent = try Statement.statements(fromJSON: try #require(lrs.sent.last))
        #expect(sent == channel.export(data.records).statements(of: record))
    }

    /// Waits (30 s at most) until `events` tell of `count` records delivered.
    static func waitFor(_ events: borrowing Mutex<[StatementChannel.Event]>, delivered count: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while events.withLock({ events in events.compactMap(\.report).flatMap(\.delivered).count }) < count,
            ContinuousClock.now < deadline
        {
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}

/// `records send`: every record queued once, the outbox sent once, and a line for the audit log.
struct SendOnceTests {
    @Test func everyRecordIsQueuedOnceAndSentOnce() async throws {
        let data = try TemporaryData()
        defer { data.remove() }
        for number in 1...3 { _ = try await data.records.saveOnce(SampleRecords.record(employeeID: "E-\(number)")) }
        let lrs = ScriptedLRS([.delivered])
        let channel = StatementChannels.channel(in: data, lrs: lrs)

        let first = try await channel.sendAll(from: data.records, clock: RecordingClock())
        #expect((first.queued.queued, first.queued.before) == (3, 0))
        #expect(first.delivery.delivered.count == 3 && first.delivery.stillQueued == 0)
        let again = try await channel.sendAll(from: data.records, clock: RecordingClock())
        #expect((again.queued.queued, again.queued.before) == (0, 3))
        #expect(again.delivery.delivered.isEmpty)
        #expect(lrs.sent.count == 3)

        let event = channel.auditEvent(first, by: "dwhitfield", at: Date(timeIntervalSince1970: 0))
        #expect(event.action == .statementsSent && event.actor == "dwhitfield")
        #expect(event.detail == "xAPI statements of 3 records sent to https://lrs.example.org/xAPI/, 0 still queued")
    }

    @Test func whatTheLRSRefusesStaysQueuedAndIsCounted() async throws {
        let data = try TemporaryData()
        defer { data.remove() }
        _ = try await data.records.saveOnce(SampleRecords.record(employeeID: "E-1"))
        let channel = StatementChannels.channel(in: data, lrs: ScriptedLRS([.refused(status: 401, message: "no")]))
        let sent = try await channel.sendAll(from: data.records, clock: RecordingClock())
        #expect(sent.delivery.delivered.isEmpty && sent.delivery.stillQueued == 1)
        #expect(try channel.outbox.pending().count == 1)
        #expect(
            channel.auditEvent(sent, by: "dwhitfield", at: Date()).detail
                == "xAPI statements of 0 records sent to https://lrs.example.org/xAPI/, 1 still queued")
    }
}

enum StatementChannels {
    static func channel(in data: TemporaryData, lrs: ScriptedLRS) -> StatementChannel {
        StatementChannel(
            endpoint: URL(string: "https://lrs.example.org/xAPI/")!, dataDirectory: data.url, transport: lrs,
            actors: ActorPolicy(
                homePage: URL(string: "https://district.example.org")!, pseudonymSecret: Data("test secret".utf8)),
            content: nil)
    }
}

extension StatementChannel.Event {
    var backlog: StatementExport.Queued? {
        if case .backlogQueued(let queued) = self { queued } else { nil }
    }

    var report: DeliveryReport? {
        if case .delivered(let report) = self { report } else { nil }
    }

    var isFailure: Bool {
        switch self {
        case .notQueued, .deliveryFailed: true
        case .backlogQueued, .delivered: false
        }
    }
}

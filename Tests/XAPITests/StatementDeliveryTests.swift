import Completion
import Foundation
import LRSDelivery
import Testing

/// The outbox and its delivery: what each LRS answer does to the queued statements.
struct StatementDeliveryTests {
    let directory = FileManager.default.temporaryDirectory.appending(path: "xapi-outbox-\(UUID().uuidString)")
    var outbox: StatementOutbox { StatementOutbox(directory: directory) }

    func queue(_ ids: [String]) throws {
        for id in ids { #expect(try outbox.enqueue(recordID: id, statements: Data("[\"\(id)\"]".utf8))) }
    }

    func deliver(_ transport: ScriptedLRS, clock: RecordingClock = RecordingClock()) async throws -> DeliveryReport {
        try await StatementDelivery(outbox: outbox, transport: transport, clock: clock, attempts: 3, backoff: .seconds(2))
            .drain()
    }

    @Test func deliveredStatementsAreLoggedAndNeverQueuedAgain() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try queue(["a", "b"])
        let lrs = ScriptedLRS([.delivered])
        let report = try await deliver(lrs)
        #expect(report.delivered == ["a", "b"])
        #expect(report.stillQueued == 0)
        #expect(try outbox.deliveredRecordIDs() == ["a", "b"])
        #expect(try !outbox.enqueue(recordID: "a", statements: Data("[]".utf8)))
        #expect(try await deliver(lrs).delivered == [])
        #expect(lrs.sent.count == 2)
    }

    @Test func theFirstQueuedBytesStand() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try outbox.enqueue(recordID: "a", statements: Data("[1]".utf8)))
        #expect(try !outbox.enqueue(recordID: "a", statements: Data("[2]".utf8)))
        #expect(try outbox.pending() == [StatementOutbox.Batch(recordID: "a", statements: Data("[1]".utf8))])
    }

    @Test func aConflictIsReportedNotRetriedAndTheOthersAreSent() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try queue(["a", "b"])
        let lrs = ScriptedLRS([.conflict("Differing statements already exist with the same ID"), .delivered])
        let report = try await deliver(lrs)
        #expect(report.conflicts.map(\.recordID) == ["a"])
        #expect(report.delivered == ["b"])
        #expect(report.stillQueued == 1)
        #expect(lrs.sent.count == 2)
    }

    @Test func refusedCredentialsStopAndKeepEverything() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try queue(["a", "b", "c"])
        let lrs = ScriptedLRS([.refused(status: 401, message: "Invalid authentication credentials")])
        let report = try await deliver(lrs)
        #expect(report.stopped == .credentialsRefused(status: 401, message: "Invalid authentication credentials"))
        #expect(report.notTried == 2)
        #expect(report.stillQueued == 3)
        #expect(lrs.sent.count == 1)
        #expect(report.stopped?.description.contains("user name or password") == true)
    }

    @Test func aRefusedBatchIsKeptAndTheOthersAreSent() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try queue(["a", "b"])
        let report = try await deliver(ScriptedLRS([.refused(status: 413, message: "too large"), .delivered]))
        #expect(report.refused.map(\.recordID) == ["a"])
        #expect(report.delivered == ["b"])
        #expect(report.stopped == nil)
    }

    @Test func anUnavailableLRSIsTriedAgainWithDoublingPauses() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try queue(["a"])
        let clock = RecordingClock()
        let report = try await deliver(ScriptedLRS([.unavailable("503"), .unavailable("503"), .delivered]), clock: clock)
        #expect(report.delivered == ["a"])
        #expect(clock.sleeps == [.seconds(2), .seconds(4)])
    }

    @Test func anOutageKeepsEverythingQueued() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try queue(["a", "b"])
        let clock = RecordingClock()
        let report = try await deliver(ScriptedLRS([.unavailable("connection refused")]), clock: clock)
        #expect(report.delivered == [])
        #expect(report.stopped == .unavailable("connection refused"))
        #expect(report.stillQueued == 2)
        #expect(clock.sleeps.count == 2)
        let later = try await deliver(ScriptedLRS([.delivered]))
        #expect(later.delivered == ["a", "b"])
    }

    @Test func twoSendersDoNotDeliverAtOnce() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try queue(["a"])
        let outbox = outbox
        let second = try await outbox.whileLocked { () async throws(StatementDeliveryError) -> StatementDeliveryError? in
            do throws(StatementDeliveryError) {
                _ = try await StatementDelivery(outbox: outbox, transport: ScriptedLRS([.delivered]), clock: RecordingClock())
                    .drain()
                return nil
            } catch {
                return error
            }
        }
        #expect(second == .busy(path: directory.path))
        #expect(try outbox.pending().count == 1)
    }

    @Test func aBatchLoggedButNotRemovedIsNotSentAgain() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try queue(["a"])
        // A crash after the log line, before the file was removed: the log decides.
        let log = directory.appending(path: "delivered.log")
        try Data("a\n".utf8).write(to: log)
        #expect(try outbox.pending() == [])
    }

    @Test(arguments: [
        (204, TransportAnswer.delivered), (409, .conflict("differs")),
        (400, .refused(status: 400, message: "differs")), (401, .refused(status: 401, message: "differs")),
        (413, .refused(status: 413, message: "differs")), (408, .unavailable("status 408: differs")),
        (429, .unavailable("status 429: differs")), (500, .unavailable("status 500: differs")),
        (503, .unavailable("status 503: differs")),
    ])
    func lrsAnswers(_ status: Int, _ answer: TransportAnswer) {
        #expect(LRSClient.answer(status: status, body: #"{"detail":"differs"}"#) == answer)
    }

    /// 200 is an acknowledgement only with the list of the ids stored (empty: all stored
    /// before); anything else, such as the statement result a GET of the same address gives,
    /// is not, and the batch is kept.
    @Test(arguments: [
        (#"["6f1b8c1e-2d4a-5c55-9e1a-0b7e2f3a9d10"]"#, true), ("[]", true), (#"{"statements":[]}"#, false),
        ("<html>moved</html>", false), ("", false),
    ])
    func twoHundredIsDeliveredOnlyWithTheStoredIDs(_ body: String, _ delivered: Bool) {
        #expect((LRSClient.answer(status: 200, body: body) == .delivered) == delivered)
    }

    @Test(arguments: [301, 302, 303, 307, 308])
    func aRedirectIsReportedAndTheBatchKept(status: Int) {
        let answer = LRSClient.answer(status: status, body: "", location: "https://lrs.example.org/xAPI/statements/")
        guard case .refused(status, let message) = answer else {
            Issue.record("a redirect must be refused, got \(answer)")
            return
        }
        #expect(message.contains("https://lrs.example.org/xAPI/statements/"))
    }

    @Test func outboxesAreKeptPerLRS() {
        let data = URL(filePath: "/data")
        let one = StatementOutbox.directory(in: data, for: URL(string: "https://lrs.example.org/xAPI/")!)
        let other = StatementOutbox.directory(in: data, for: URL(string: "http://127.0.0.1:8100/xAPI/")!)
        #expect(one.path == "/data/xapi-outbox/lrs.example.org-xAPI")
        #expect(other.path == "/data/xapi-outbox/127.0.0.1-8100-xAPI")
    }
}

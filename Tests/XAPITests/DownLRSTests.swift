import Completion
import Foundation
import LRSDelivery
import Synchronization
import TestSupport
import Testing

/// An LRS that is down (nothing listens on its port): the HTTP client reports the refused
/// connection at once, not after the request's deadline, and the delivery tries it
/// ``StatementDelivery/attempts`` times with doubling pauses on its clock, then stops with
/// everything queued. So `records send` against a down LRS takes the pauses (2 + 4 + 8 s by
/// default) and four refused connections, not four request timeouts.
struct DownLRSTests {
    let directory = FileManager.default.temporaryDirectory.appending(path: "xapi-outbox-\(UUID().uuidString)")

    static func downLRS(timeoutSeconds: Int64 = 30) throws -> LRSClient {
        let port = try OpenIDProviderMock.freePort()
        return LRSClient(
            endpoint: URL(string: "http://127.0.0.1:\(port)/xAPI/")!, credentials: .bearer(token: "token"),
            timeoutSeconds: timeoutSeconds)
    }

    /// Answered without waiting out the request's deadline, which AsyncHTTPClient's shared client
    /// did on a refused connection, retrying it: with a deadline of an hour, a client that waited
    /// it out would run into the test's time limit (five minutes, for a loaded machine: a
    /// refused connection on the loopback takes milliseconds, but a full CI run once took 16 s).
    @Test(.timeLimit(.minutes(5)))
    func aRefusedConnectionIsAnsweredWithoutWaitingOutTheRequest() async throws {
        let client = try Self.downLRS(timeoutSeconds: 3600)
        let answer = await client.send(Data("[]".utf8))
        guard case .unavailable(let message) = answer else {
            Issue.record("expected the LRS to be unavailable, got \(answer)")
            return
        }
        #expect(message.localizedCaseInsensitiveContains("refused"), "\(message)")
    }

    @Test func aDownLRSIsTriedOnTheClocksScheduleAndEverythingStaysQueued() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let outbox = StatementOutbox(directory: directory)
        for id in ["a", "b", "c"] { #expect(try outbox.enqueue(recordID: id, statements: Data("[]".utf8))) }
        let lrs = CountingTransport(try Self.downLRS())
        let clock = RecordingClock()
        let report = try await StatementDelivery(outbox: outbox, transport: lrs, clock: clock).drain()
        guard case .unavailable(let reason) = report.stopped else {
            Issue.record("expected the delivery to stop, the LRS unavailable; got \(report)")
            return
        }
        #expect(reason.localizedCaseInsensitiveContains("refused"), "\(reason)")
        #expect(lrs.count == 4)
        #expect(clock.sleeps == [.seconds(2), .seconds(4), .seconds(8)])
        #expect(report.notTried == 2)
        #expect(report.stillQueued == 3)
    }
}

/// A transport that counts the batches it passes on.
final class CountingTransport: StatementTransport {
    private let base: any StatementTransport
    private let sent = Mutex(0)

    init(_ base: any StatementTransport) { self.base = base }

    var count: Int { sent.withLock { $0 } }

    func send(_ statements: Data) async -> TransportAnswer {
        sent.withLock { $0 += 1 }
        return await base.send(statements)
    }
}

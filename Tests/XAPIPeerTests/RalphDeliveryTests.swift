import Completion
import Foundation
import LRSDelivery
import Records
import TestSupport
import Testing
import XAPI

/// The statements against a real LRS (Ralph 5.1.0): its strict model accepts every one, it
/// stores them all and gives them back unchanged, a resend stores nothing twice, a changed
/// statement is a conflict, an outage and a wrong password lose nothing.
@Suite(.serialized, .enabled(if: RalphLRS.runsCases, Comment(rawValue: RalphLRS.skipMessage)))
struct RalphDeliveryTests {
    static func client(_ lrs: RalphLRS, password: String? = nil) -> LRSClient {
        LRSClient(
            endpoint: lrs.endpoint, credentials: LRSCredentials(username: lrs.username, password: password ?? lrs.password),
            timeoutSeconds: 5)
    }

    static func delivery(_ outbox: StatementOutbox, _ client: LRSClient) -> StatementDelivery<ContinuousClock> {
        StatementDelivery(outbox: outbox, transport: client, clock: ContinuousClock(), attempts: 2, backoff: .milliseconds(100))
    }

    /// The statements as plain JSON objects, for comparing with what the LRS gives back.
    /// Ralph holds each record's statements once: as many as the record gives, under its registration.
    static func expectEachStoredOnce(_ records: [CompletionRecord], in lrs: RalphLRS, data: PeerRecords.DataDirectory)
        async throws
    {
        for record in records {
            let stored = try await lrs.statements(registration: record.id.uuidString.lowercased())
            #expect(stored.count == data.export.statements(of: record).count, "record \(record.id)")
        }
    }

    static func objects(_ statements: [Statement]) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Statement.json(statements)) as? [[String: Any]])
    }

    @Test func everyStatementPassesRalphsStrictModel() throws {
        let data = try PeerRecords.DataDirectory()
        defer { data.remove() }
        let statements = try PeerRecords.all().flatMap(data.export.statements(of:))
        #expect(statements.count > 40)
        let errors = try RalphLRS.validate(statementsJSON: Statement.json(statements))
        #expect(errors == [], "\(errors.prefix(10).joined(separator: "\n"))")
    }

    @Test func theStrictModelRejectsABrokenStatement() throws {
        let data = try PeerRecords.DataDirectory()
        defer { data.remove() }
        var statements = data.export.statements(of: try PeerRecords.fromContent())
        statements[0].result = StatementResult(duration: "14 minutes")
        statements[1].actor = Agent(mbox: "ana@example.org")
        let errors = try RalphLRS.validate(statementsJSON: Statement.json(statements))
        #expect(errors.contains { $0.contains("statement 0") && $0.contains("duration") }, "\(errors)")
        #expect(errors.contains { $0.contains("statement 1") && $0.contains("mbox") })
    }

    @Test func everyStatementIsStoredAndReadBackEqualAndAResendStoresNothingTwice() async throws {
        let data = try PeerRecords.DataDirectory()
        defer { data.remove() }
        try await RalphLRS.run { lrs in
            let records = try PeerRecords.all()
            let outbox = data.outbox(for: lrs)
            for record in records { #expect(try data.export.enqueue(record, into: outbox)) }
            let report = try await Self.delivery(outbox, Self.client(lrs)).drain()
            #expect(report.delivered.count == records.count, "\(report)")
            #expect(report.stillQueued == 0)
            for record in records {
                let sent = try Self.objects(data.export.statements(of: record))
                let stored = try await lrs.statements(registration: record.id.uuidString.lowercased())
                #expect(stored.count == sent.count)
                for statement in sent {
                    var back = try #require(stored.first { $0["id"] as? String == statement["id"] as? String })
                    back["stored"] = nil
                    back["authority"] = nil
                    #expect(NSDictionary(dictionary: back).isEqual(to: statement), "\(statement["id"] ?? "")")
                }
            }
            // Sent again from another outbox (another machine): 204, nothing stored twice.
            let again = StatementOutbox(directory: data.url.appending(path: "second-outbox"))
            for record in records { #expect(try data.export.enqueue(record, into: again)) }
            #expect(try await Self.delivery(again, Self.client(lrs)).drain().delivered.count == records.count)
            try await Self.expectEachStoredOnce(records, in: lrs, data: data)
        }
    }

    @Test func aChangedStatementUnderAStoredIDIsAConflict() async throws {
        let data = try PeerRecords.DataDirectory()
        defer { data.remove() }
        try await RalphLRS.run { lrs in
            var statements = data.export.statements(of: try PeerRecords.fromContent())
            #expect(await Self.client(lrs).send(Statement.json(statements)) == .delivered)
            statements[statements.count - 1].result?.duration = "PT1S"
            let answer = await Self.client(lrs).send(Statement.json(statements))
            guard case .conflict(let message) = answer else {
                Issue.record("expected a conflict, got \(answer)")
                return
            }
            #expect(message.contains("Differing statements"))
        }
    }

    @Test func anOutageLosesNothingAndDuplicatesNothing() async throws {
        let data = try PeerRecords.DataDirectory()
        defer { data.remove() }
        try await RalphLRS.run { lrs in
            let records = try PeerRecords.all()
            let outbox = data.outbox(for: lrs)
            #expect(try data.export.enqueue(records[0], into: outbox))
            #expect(try await Self.delivery(outbox, Self.client(lrs)).drain().delivered.count == 1)
            lrs.stop()
            for record in records.dropFirst() { #expect(try data.export.enqueue(record, into: outbox)) }
            let during = try await Self.delivery(outbox, Self.client(lrs)).drain()
            guard case .unavailable = during.stopped else {
                Issue.record("expected the LRS to be unavailable, got \(during)")
                return
            }
            #expect(during.stillQueued == records.count - 1)
            try await lrs.restart()
            // The first record again (a resend after a crash): it is delivered already, never queued twice.
            #expect(try !data.export.enqueue(records[0], into: outbox))
            let after = try await Self.delivery(outbox, Self.client(lrs)).drain()
            #expect(after.delivered.count == records.count - 1)
            try await Self.expectEachStoredOnce(records, in: lrs, data: data)
        }
    }

    @Test func aWrongPasswordKeepsEverythingWithAClearMessage() async throws {
        let data = try PeerRecords.DataDirectory()
        defer { data.remove() }
        try await RalphLRS.run { lrs in
            let records = try PeerRecords.all()
            let outbox = data.outbox(for: lrs)
            for record in records { #expect(try data.export.enqueue(record, into: outbox)) }
            let report = try await Self.delivery(outbox, Self.client(lrs, password: "wrong")).drain()
            #expect(report.stillQueued == records.count)
            guard case .credentialsRefused(let status, _) = report.stopped else {
                Issue.record("expected refused credentials, got \(report)")
                return
            }
            #expect(status == 401)
            #expect(report.stopped?.description.contains("user name or password") == true)
            #expect(try await lrs.statements(registration: records[0].id.uuidString.lowercased()).isEmpty)
        }
    }
}

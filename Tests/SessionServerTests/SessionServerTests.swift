import ContentLoading
import Foundation
import GroupSessions
import HTTPTypes
import HummingbirdTesting
import HummingbirdWSTesting
import NIOWebSocket
import ProtocolEngine
import ScenarioEngine
import SessionServer
import Synchronization
import TestSupport
import Testing
import Training
import WSCore

/// The session server over real WebSockets on loopback: the join, answer and reveal flow, and
/// what it must refuse while it keeps serving.
struct SessionServerTests {
    let room: SessionRoom
    let code: String
    let secret: SessionSecret
    let server: SessionServer

    init() throws {
        let session = try SampleSessions.session(vignettes: 1, planSeed: 3, codeSeed: 5)
        code = session.joinCode.text
        secret = session.secretForFacilitator
        room = SessionRoom(session: session, generator: SplitMix64(seed: 6))
        // Patient limits: these tests are not about timeouts (ConnectionLimitTests are), and on a
        // loaded machine a test's idle connection must not be closed under it.
        server = SessionServer(
            room: room, pages: try WebPages(directory: Fixtures.repositoryRoot.appending(path: "Web")),
            limits: ConnectionLimits(requestHeaderTimeout: .seconds(300), keepAliveTimeout: .seconds(300)))
    }

    /// Sends JSON messages and collects what comes back until `until` returns true.
    static func exchange(
        _ client: some TestClientProtocol, sending: [String], until done: @escaping @Sendable ([[String: Any]]) -> Bool
    ) async throws -> [String] {
        let received = Received()
        try await client.ws("/ws") { inbound, outbound, _ in
            for message in sending { try await outbound.write(.text(message)) }
            for try await frame in inbound.messages(maxSize: 1 << 20) {
                guard case .text(let text) = frame else { continue }
                received.append(text)
                if done(received.decoded) { return }
            }
        }
        return received.texts
    }

    @Test func twoParticipantsJoinAnswerAndSeeTheReveal() async throws {
        let app = server.application(host: "127.0.0.1", port: 0)
        let room = room
        let code = code
        let secret = secret
        try await app.test(.live) { client in
            async let ana = Self.participant(client, code: code, name: "Ana Ruiz", answering: 0)
            async let kim = Self.participant(client, code: code, name: "Kim Lee", answering: 1)
            try await Self.until { await room.participantCount == 2 }
            #expect(await room.perform(.next, secret: secret) == .success(.asking(0)))
            try await Self.until { await room.session.answerCount(of: 0) == 2 }
            #expect(await room.perform(.reveal, secret: secret) == .success(.revealed(0)))
            for transcript in try await [ana, kim] {
                #expect(transcript.contains { $0.contains(#""type":"joined""#) })
                #expect(transcript.contains { $0.contains(#""type":"question""#) })
                #expect(transcript.contains { $0.contains(#""type":"reveal""#) && $0.contains("citation") })
                #expect(!transcript.contains { $0.contains(#""type":"counts""#) }, "participants see no distribution")
            }
            let distribution = await room.session.distribution(of: 0)
            #expect(distribution.map(\.count).reduce(0, +) == 2)
        }
    }

    /// Wrong codes from one device address: past the free ones its joins wait for a turn (four
    /// checks a second at most), and the right code still joins; other devices and loopback (a
    /// reverse proxy) do not wait.
    @Test func wrongCodesFromOneAddressArePacedNotRefused() async throws {
        let clock = ManualUptime()
        let session = try SampleSessions.session(vignettes: 1, planSeed: 3, codeSeed: 5)
        let room = SessionRoom(
            session: session, generator: SplitMix64(seed: 6), uptime: clock.now, sleep: { clock.advance(by: $0) })
        let code = session.joinCode.text
        func tryJoin(from address: String, code: String) async -> [String] {
            let (id, messages) = await room.connect(from: address)
            await room.receive(.join(code: code, name: "Kim Lee", employeeID: nil), from: id)
            await room.disconnect(id)
            var received: [String] = []
            for await text in messages { received.append(text) }
            return received
        }
        for attempt in 0..<1_000 { _ = await tryJoin(from: "192.0.2.7", code: "BAD\(attempt)") }
        #expect(clock.now() >= .seconds(4 * (1_000 - 20 - 16) / 16), "at most 16 checks in 4 seconds")
        #expect(await tryJoin(from: "192.0.2.7", code: code).contains { $0.contains(#""type":"joined""#) })
        let paced = clock.now()
        #expect(await tryJoin(from: "192.0.2.8", code: code).contains { $0.contains(#""type":"joined""#) })
        for attempt in 0..<1_000 { _ = await tryJoin(from: "127.0.0.1", code: "BAD\(attempt)") }
        #expect(await tryJoin(from: "127.0.0.1", code: code).contains { $0.contains(#""type":"joined""#) })
        #expect(clock.now() == paced, "neither another device nor loopback waited")
        #expect(await room.participantCount == 3)
    }

    /// Joins, answers the first question with option number `answering`, and waits for the reveal.
    static func participant(_ client: some TestClientProtocol, code: String, name: String, answering: Int) async throws
        -> [String]
    {
        let received = Received()
        try await client.ws("/ws") { inbound, outbound, _ in
            try await outbound.write(.text(#"{"type":"join","code":"\#(code)","name":"\#(name)"}"#))
            var token = ""
            for try await frame in inbound.messages(maxSize: 1 << 20) {
                guard case .text(let text) = frame else { continue }
                received.append(text)
                let message = Received.decode(text)
                if message["type"] as? String == "joined" { token = message["token"] as? String ?? "" }
                if message["type"] as? String == "question",
                    let question = message["question"] as? [String: Any], let options = question["options"] as? [[String: Any]],
                    let option = options[answering]["id"] as? String
                {
                    try await outbound.write(.text(#"{"type":"answer","token":"\#(token)","question":0,"option":"\#(option)"}"#))
                }
                if message["type"] as? String == "reveal" { return }
            }
        }
        return received.texts
    }

    @Test func aForgedFacilitatorCommandIsRefused() async throws {
        let app = server.application(host: "127.0.0.1", port: 0)
        try await app.test(.live) { client in
            let replies = try await Self.exchange(client, sending: [#"{"type":"command","secret":"0123","command":"next"}"#]) {
                $0.contains { $0["type"] as? String == "refused" }
            }
            #expect(replies.contains { $0.contains("Only the facilitator") })
        }
        #expect(await room.session.phase == .lobby)
    }

    @Test func anAnswerWithAnotherTokenIsRefused() async throws {
        let app = server.application(host: "127.0.0.1", port: 0)
        let (room, code, secret) = (room, code, secret)
        try await app.test(.live) { client in
            _ = try await Self.exchange(client, sending: [#"{"type":"join","code":"\#(code)","name":"Ana Ruiz"}"#]) {
                $0.contains { $0["type"] as? String == "joined" }
            }
            await room.perform(.next, secret: secret)
            let option = await room.session.plan.questions[0].options[0].id.rawValue
            let replies = try await Self.exchange(
                client,
                sending: [
                    #"{"type":"answer","token":"\#(String(repeating: "a", count: 32))","question":0,"option":"\#(option)"}"#
                ]
            ) { $0.contains { $0["type"] as? String == "refused" } }
            #expect(replies.contains { $0.contains("Join the session first") })
            #expect(await room.session.answerCount(of: 0) == 0)
        }
    }

    @Test func aOneMebibyteMessageClosesThatConnectionAndTheServerServesOn() async throws {
        let app = server.application(host: "127.0.0.1", port: 0)
        let code = code
        try await app.test(.live) { client in
            let huge = #"{"type":"join","code":"x","name":""# + String(repeating: "a", count: 1 << 20) + #""}"#
            let closed = try await client.ws("/ws") { inbound, outbound, _ in
                try await outbound.write(.text(huge))
                for try await _ in inbound.messages(maxSize: 1 << 21) {}
            }
            #expect(closed?.closeCode == .messageTooLarge || closed?.closeCode == .protocolError, "\(String(describing: closed))")
            let replies = try await Self.exchange(client, sending: [#"{"type":"join","code":"\#(code)","name":"Kim Lee"}"#]) {
                $0.contains { $0["type"] as? String == "joined" }
            }
            #expect(replies.contains { $0.contains("Kim Lee") })
        }
    }

    /// A name is data: it travels as a JSON string, and the pages only ever set text, never HTML.
    @Test func markupInANameNeverBecomesMarkup() async throws {
        let app = server.application(host: "127.0.0.1", port: 0)
        let code = code
        try await app.test(.live) { client in
            let replies = try await Self.exchange(
                client, sending: [#"{"type":"join","code":"\#(code)","name":"<script>alert(1)</script>"}"#]
            ) { $0.contains { $0["type"] as? String == "joined" } }
            let joined = try #require(replies.first { $0.contains(#""type":"joined""#) })
            #expect(Received.decode(joined)["name"] as? String == "<script>alert(1)</script>")
        }
        for script in ["participant.js", "present.js"] {
            let source = try String(contentsOf: Fixtures.repositoryRoot.appending(path: "Web/\(script)"), encoding: .utf8)
            for sink in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("] {
                #expect(!source.contains(sink), "\(script) uses \(sink)")
            }
        }
    }

    /// 10,000 joins with wrong codes: all refused, each connection closed after five, and the
    /// server still serves pages and real joins.
    @Test func tenThousandWrongCodesAreRefusedAndTheServerServesOn() async throws {
        var refused = 0
        for _ in 0..<(10_000 / SessionRoom.wrongCodesPerConnection) {
            let (id, messages) = await room.connect()
            for attempt in 0..<SessionRoom.wrongCodesPerConnection {
                await room.receive(.join(code: "WRONG\(attempt)", name: "Guess", employeeID: nil), from: id)
            }
            #expect(await !room.isConnected(id))
            for await text in messages where text.contains(#""type":"refused""#) { refused += 1 }
        }
        #expect(refused == 10_000)
        #expect(await room.participantCount == 0)

        let app = server.application(host: "127.0.0.1", port: 0)
        let code = code
        try await app.test(.live) { client in
            let wrong = try await Self.exchange(
                client, sending: (0..<5).map { #"{"type":"join","code":"BAD\#($0)","name":"Guess"}"# }
            ) { $0.filter { $0["type"] as? String == "refused" }.count == 5 }
            #expect(wrong.count == 5)
            let page = try await client.execute(uri: "/", method: .get) { $0 }
            #expect(page.status == .ok)
            let replies = try await Self.exchange(client, sending: [#"{"type":"join","code":"\#(code)","name":"Ana Ruiz"}"#]) {
                $0.contains { $0["type"] as? String == "joined" }
            }
            #expect(replies.contains { $0.contains("Ana Ruiz") })
        }
    }

    @Test func pagesAreServedWithAStrictPolicy() async throws {
        let app = server.application(host: "127.0.0.1", port: 0)
        try await app.test(.router) { client in
            for path in ["/", "/present", "/assets/participant.js", "/assets/present.js", "/assets/session.css"] {
                let response = try await client.execute(uri: path, method: .get) { $0 }
                #expect(response.status == .ok, "\(path)")
                let policy = try #require(response.headers[.init("Content-Security-Policy")!], "\(path)")
                let directives = Set(policy.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) })
                for directive in [
                    "default-src 'self'", "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'none'",
                    "form-action 'self'",
                ] {
                    #expect(directives.contains(directive), "\(path): \(policy)")
                }
                #expect(response.headers[.init("Referrer-Policy")!] == "no-referrer", "\(path)")
                #expect(response.headers[.init("X-Content-Type-Options")!] == "nosniff", "\(path)")
            }
            #expect(try await client.execute(uri: "/../Package.swift", method: .get) { $0 }.status == .notFound)
        }
    }

    /// Polls `condition` for up to five seconds.
    static func until(_ condition: @Sendable () async -> Bool) async throws {
        for _ in 0..<500 {
            if await condition() { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("timed out")
    }
}

/// Texts received on a WebSocket, shared with the test that reads them.
final class Received: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []

    func append(_ text: String) { lock.withLock { storage.append(text) } }
    var texts: [String] { lock.withLock { storage } }
    var decoded: [[String: Any]] { texts.map(Self.decode) }

    static func decode(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }
}

/// A clock for the join limiter that moves only when told.
final class ManualUptime: Sendable {
    private let elapsed = Mutex(Duration.zero)

    var now: @Sendable () -> Duration { { [self] in elapsed.withLock { $0 } } }
    func advance(by duration: Duration) { elapsed.withLock { $0 += duration } }
}

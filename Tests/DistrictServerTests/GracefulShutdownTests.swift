import AsyncHTTPClient
import DistrictServer
import DistrictTestSupport
import Foundation
import HTTPTypes
import LocalStore
import NIOCore
import NIOHTTP1
import ProtocolEngine
import Records
import ScenarioEngine
import Scoring
import ServiceLifecycle
import Synchronization
import TestSupport
import Testing

/// A shutdown that loses no answer: an answer whose save is under way when the server is told
/// to stop is saved and answered before the server stops; after that, no new request is served.
@Suite(.serialized)
struct GracefulShutdownTests {
    @Test func anAnswerInFlightIsSavedAndAnsweredBeforeTheServerStops() async throws {
        let fixture = try DistrictFixture()
        defer { fixture.remove() }
        let answer = try #require(fixture.script.answers.first)
        let link = await fixture.invitationPath()
        let port = Mutex(0)
        let application = fixture.server.application(
            host: "127.0.0.1", port: 0, logger: DistrictFixture.quietLogger,
            onServerRunning: { channel in port.withLock { $0 = channel.localAddress?.port ?? 0 } })
        let group = ServiceGroup(
            configuration: .init(services: [application], gracefulShutdownSignals: [], logger: DistrictFixture.quietLogger))
        let running = Task { try await group.run() }
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(connect: .seconds(1), read: .seconds(30))
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            try await Waiting.forPort { port.withLock { $0 } }
            let address = "http://127.0.0.1:\(port.withLock { $0 })"
            let http = PlainClient(client: client, address: address)
            let signedIn = try await http.send(.GET, link)
            let cookie = try #require(signedIn.headers.first(name: "set-cookie")?.split(separator: ";").first.map(String.init))
            let page = try await http.send(.GET, "/training", cookie: cookie)
            let token = try #require(page.body.firstField("csrf_token"))
            #expect(
                try await http.send(.POST, "/training/start", cookie: cookie, form: "csrf_token=\(token)").status == .seeOther)

            fixture.progress.slowSaves(.seconds(1))
            let before = fixture.progress.startedSaves
            let form =
                "csrf_token=\(token)&question=\(PlainClient.encoded(answer.question.id))"
                + "&option=\(PlainClient.encoded(answer.chosen.rawValue))"
            let inFlight = Task { try await http.send(.POST, "/training/answer", cookie: cookie, form: form) }
            // The answer's step has begun saving (resuming the attempt saves it once first).
            try await Waiting.until { fixture.progress.startedSaves > before }
            await group.triggerGracefulShutdown()
            let answered = try await inFlight.value
            #expect(answered.status == .seeOther && answered.headers.first(name: "location") == "/training/feedback")
            #expect(try fixture.progress.load(for: DistrictFixture.member.attemptKey)?.answers.count == 1)
            try await running.value
            await #expect(throws: (any Error).self) { try await http.send(.GET, "/healthz") }
        } catch {
            try await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }
}

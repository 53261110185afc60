import Foundation
import GroupSessions
import HTTPTypes
import HummingbirdTesting
import HummingbirdWSTesting
import ScenarioEngine
import TestSupport
import Testing
import WSClient

@testable import SessionServer

/// The WebSocket opens only for the session's own pages: a page on another site cannot watch
/// the room or join it.
struct WebSocketOriginTests {
    @Test(
        arguments: [
            (origins: [String](), host: "192.168.1.20:8080", allowed: true),
            (["http://192.168.1.20:8080"], "192.168.1.20:8080", true),
            (["HTTP://Room.Local:8080"], "room.local:8080", true),
            (["https://training.example.org"], "training.example.org", true),
            (["ws://127.0.0.1"], "127.0.0.1:8080", true),
            (["http://evil.example"], "192.168.1.20:8080", false),
            (["http://192.168.1.20:9000"], "192.168.1.20:8080", false),
            (["http://192.168.1.20"], "192.168.1.20:8080", false),
            (["http://192.168.1.20:8080.evil.example"], "192.168.1.20:8080", false),
            (["null"], "192.168.1.20:8080", false),
            (["chrome-extension://abcdef"], "192.168.1.20:8080", false),
            (["ws://127.0.0.1", "http://evil.example"], "127.0.0.1:8080", false),
            (["http://127.0.0.1:8080"], nil, false),
        ] as [(origins: [String], host: String?, allowed: Bool)])
    func origins(_ origins: [String], _ host: String?, _ allowed: Bool) {
        #expect(WebSocketOrigin.allows(origins: origins, host: host) == allowed)
    }

    /// A page from another site is refused at the handshake, whether it would join or watch, and
    /// the room never hears of it; the session's own page joins as before.
    @Test(arguments: [
        ("join", #"{"type":"join","code":"CODE","name":"Ana Ruiz"}"#),
        ("watch", #"{"type":"watch"}"#),
    ])
    func aPageFromAnotherSiteCannotOpenTheSocket(_ kind: String, _ message: String) async throws {
        let session = try SampleSessions.session(vignettes: 1, planSeed: 3, codeSeed: 5)
        let code = session.joinCode.text
        let room = SessionRoom(session: session, generator: SplitMix64(seed: 6))
        let server = SessionServer(room: room, pages: try WebPages(directory: Fixtures.repositoryRoot.appending(path: "Web")))
        let message = message.replacing("CODE", with: code)
        try await server.application(host: "127.0.0.1", port: 0).test(.live) { client in
            let port = try #require(client.port)
            let received = Received()
            let foreign = WebSocketClientConfiguration(additionalHeaders: [.origin: "http://evil.example"])
            await #expect(throws: (any Error).self, "\(kind) from another site") {
                try await client.ws("/ws", configuration: foreign) { inbound, outbound, _ in
                    try await outbound.write(.text(message))
                    for try await frame in inbound.messages(maxSize: 1 << 20) {
                        if case .text(let text) = frame { received.append(text) }
                    }
                }
            }
            #expect(received.texts.isEmpty, "nothing of the room reaches it")
            #expect(await room.participantCount == 0)

            let own = WebSocketClientConfiguration(additionalHeaders: [.origin: "http://localhost:\(port)"])
            let joined = Received()
            try await client.ws("/ws", configuration: own) { inbound, outbound, _ in
                try await outbound.write(.text(#"{"type":"join","code":"\#(code)","name":"Kim Lee"}"#))
                for try await frame in inbound.messages(maxSize: 1 << 20) {
                    guard case .text(let text) = frame else { continue }
                    joined.append(text)
                    if text.contains(#""type":"joined""#) { return }
                }
            }
            #expect(joined.texts.contains { $0.contains("Kim Lee") })
        }
    }
}

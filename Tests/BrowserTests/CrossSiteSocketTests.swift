import BrowserTesting
import Foundation
import GroupSessions
import Hummingbird
import HummingbirdTesting
import ScenarioEngine
import SessionServer
import TestSupport
import Testing

/// A page from another site (another origin: the same host, another port), open in the same
/// Chromium, tries to open the session's WebSocket to watch the room and to join it, with the
/// right projector key and join code: the handshake is refused, nothing reaches the page, and
/// the session keeps serving its own pages.
@Suite(
    .enabled(
        if: Chromium.executable != nil || ProcessInfo.processInfo.environment["CI"] != nil,
        "Chromium is not installed (Debian: apt-get install chromium, or scripts/setup.sh --tests; or set CHROMIUM)"),
    .timeLimit(.minutes(5))
)
struct CrossSiteSocketTests {
    /// The other site's page: opens a socket to `socket`, sends `message` once open, and writes
    /// what happened into `#log` ("open", "message: …", "error", "closed CODE").
    static func attackerPage(socket: String, messages: [String]) -> String {
        """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>another site</title></head><body>
        <pre id="log"></pre><script>
        const log = (line) => { document.getElementById("log").textContent += line + "\\n"; };
        for (const text of \(JSON.array(messages.map(JSON.string)).text)) {
          const socket = new WebSocket(\(JSON.string(socket).text));
          socket.onopen = () => { log("open"); socket.send(text); };
          socket.onmessage = (event) => log("message: " + event.data);
          socket.onerror = () => log("error");
          socket.onclose = (event) => log("closed " + event.code);
        }
        </script></body></html>
        """
    }

    @Test func anotherSitesPageCannotWatchNorJoin() async throws {
        let session = try SampleSessions.session(vignettes: 1, planSeed: 3, codeSeed: 5)
        let room = SessionRoom(session: session, generator: SplitMix64(seed: 6))
        let server = SessionServer(room: room, pages: try WebPages(directory: Fixtures.repositoryRoot.appending(path: "Web")))
        try await server.application(host: "127.0.0.1", port: 0).test(.live) { client in
            let address = "http://127.0.0.1:\(try #require(client.port))"
            let messages = [
                #"{"type":"watch","key":"\#(session.keyForProjector.text)"}"#,
                #"{"type":"join","code":"\#(session.joinCode.text)","name":"Mallory"}"#,
            ]
            let html = Self.attackerPage(socket: "ws://127.0.0.1:\(try #require(client.port))/ws", messages: messages)
            let router = Router()
            router.get("/") { _, _ in
                Response(
                    status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                    body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
            }
            try await Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
                .test(.live) { other in
                    try await Chromium.run { browser in
                        let attacker = try await browser.open("http://127.0.0.1:\(try #require(other.port))/")
                        try await attacker.waitUntil(
                            "both sockets to close",
                            #"document.getElementById("log").textContent.split("closed").length - 1 === 2"#)
                        let log = try await attacker.evaluate(#"document.getElementById("log").textContent"#).string ?? ""
                        #expect(!log.contains("open"), "\(log)")
                        #expect(!log.contains("message"), "\(log)")
                        #expect(await room.participantCount == 0)

                        // The session still serves its own pages: a participant joins.
                        let page = try await browser.open("\(address)/")
                        try await GroupSessionInChromiumTests.join(on: page, code: session.joinCode.text, as: "Ana Ruiz")
                        #expect(await room.session.participants.map(\.name) == ["Ana Ruiz"])
                    }
                }
        }
    }
}

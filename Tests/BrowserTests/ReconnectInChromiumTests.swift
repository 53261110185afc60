import BrowserTesting
import Foundation
import GroupSessions
import ProtocolEngine
import ScenarioEngine
import SessionServer
import TestSupport
import Testing
import Training

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The pages after a fault, in headless Chromium: a reloaded participant page shows the answer
/// its participant chose; when the host goes away and comes back on the same address, the
/// participant page and the projector reconnect by themselves; and a participant who closed the
/// tab and joins again from the same browser is the same participant.
@Suite(
    .enabled(
        if: Chromium.executable != nil || ProcessInfo.processInfo.environment["CI"] != nil,
        "Chromium is not installed (Debian: apt-get install chromium, or scripts/setup.sh --tests; or set CHROMIUM)"),
    .timeLimit(.minutes(5))
)
struct ReconnectInChromiumTests {
    typealias Page = GroupSessionInChromiumTests

    @Test func pagesShowTheAnswerAfterAReloadAndReconnectAfterTheHostRestarts() async throws {
        let session = try SampleSessions.session(vignettes: 1, planSeed: 3, codeSeed: 5)
        let pages = try WebPages(directory: Fixtures.repositoryRoot.appending(path: "Web"))
        let port = try OpenIDProviderMock.freePort()
        let room = SessionRoom(session: session, generator: SplitMix64(seed: 6))
        var running = SessionServer.start(SessionServer(room: room, pages: pages).application(host: "127.0.0.1", port: port))
        do {
            try await Chromium.run { browser in
                try await Self.play(session, in: browser, port: port, pages: pages, room: room, running: &running)
            }
        } catch {
            await running.stop()
            throw error
        }
        await running.stop()
    }

    /// A server `start` makes, once it answers at `address`. Between the host going away and
    /// coming back, another test's outgoing connection may hold the port for a moment (the
    /// kernel lends free ports to those): the restored server's bind then fails, and it is
    /// started again.
    static func listening(
        on address: String, _ start: () -> SessionServer.Running
    ) async throws -> SessionServer.Running {
        let page = try #require(URL(string: address + "/"))
        for _ in 0..<30 {
            let running = start()
            for _ in 0..<20 {
                if (try? await URLSession.shared.data(from: page)) != nil { return running }
                try await Task.sleep(for: .milliseconds(100))
            }
            await running.stop()
        }
        throw HostNeverAnswered(address: address)
    }

    /// The participant joins and answers, reloads, loses the host, and closes the tab and joins
    /// again; `running` is the server, replaced by a restored one when the host comes back.
    static func play(
        _ session: GroupSession, in browser: Chromium, port: Int, pages: WebPages, room: SessionRoom,
        running: inout SessionServer.Running
    ) async throws {
        let (code, secret, key) = (session.joinCode.text, session.secretForFacilitator, session.keyForProjector.text)
        let address = "http://127.0.0.1:\(port)"
        let chosen = "#options button:nth-child(2)"
        let pressed = "document.querySelector(\(JSON.string(chosen).text))?.getAttribute('aria-pressed') === 'true'"
        let participant = try await browser.open("\(address)/")
        let projector = try await browser.open("\(address)/present#key=\(key)", width: 1280, height: 800)
        try await Page.join(on: participant, code: code, as: "Ana Ruiz")
        #expect(await room.perform(.next, secret: secret) == .success(.asking(0)))
        try await participant.waitUntil("the question", Page.isVisible(chosen))
        try await participant.click(chosen)
        try await participant.waitUntil("the answer to be acknowledged", pressed)

        try await participant.navigate(to: "\(address)/")
        try await participant.waitUntil("the reloaded page to mark the answer given", pressed)

        // The host goes away; a host restored with the same session listens on the same address.
        let before = await room.session
        await running.stop()
        try await participant.waitUntil(
            "the page to say it is reconnecting", Page.text(of: "#status", is: "Connection lost. Reconnecting…"))
        let restored = SessionRoom(session: before, generator: SplitMix64(seed: 7))
        running = try await Self.listening(on: address) {
            SessionServer.start(SessionServer(room: restored, pages: pages).application(host: "127.0.0.1", port: port))
        }
        // The page retries after up to twice its delay, which doubles to 10 s: on a busy machine
        // the restart can take that long. Its answer stayed marked, so it is the status that
        // shows it is connected again.
        let reconnected =
            "document.querySelector('#status')?.textContent !== \(JSON.string("Connection lost. Reconnecting…").text)"
        try await participant.waitUntil("the page to reconnect", timeout: .seconds(30), reconnected)
        try await participant.waitUntil("the page to mark the answer", pressed)
        #expect(await restored.perform(.reveal, secret: secret) == .success(.revealed(0)))
        try await participant.waitUntil("the reveal on the reconnected page", Page.isVisible("#reveal"))
        try await projector.waitUntil("the reveal on the reconnected projector", timeout: .seconds(20), Page.isVisible("#reveal"))

        // The tab is closed (its session storage with it) and the page opened again: joining
        // with the same name from the same browser is the same participant.
        _ = try await participant.evaluate("sessionStorage.clear()")
        try await participant.navigate(to: "\(address)/")
        try await participant.waitUntil("the join form", Page.isVisible("#join"))
        try await participant.type(code, into: "#code")
        try await participant.type("Ana Ruiz", into: "#name")
        try await participant.click("#join button[type=submit]")
        try await participant.waitUntil("the answer given before the tab was closed", pressed)
        #expect(await restored.participantCount == 1)
    }
}

/// The restored host never answered on its address.
struct HostNeverAnswered: Error, CustomStringConvertible {
    let address: String
    var description: String { "the restored host never answered at \(address)" }
}

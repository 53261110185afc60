import Foundation
import GroupSessions
import HummingbirdTesting
import ScenarioEngine
import SessionServer
import TestSupport
import Testing

/// The projector view (`watch`) follows the room only with the projector key the console prints,
/// or the facilitator's secret: any other page gets neither the join code nor the counts.
struct ProjectorKeyTests {
    enum Key: String, CaseIterable, Sendable {
        case none, empty, wrong, projector, facilitator
    }

    @Test(arguments: Key.allCases)
    func watchingNeedsTheProjectorKey(_ key: Key) async throws {
        let session = try SampleSessions.session(vignettes: 1, planSeed: 3, codeSeed: 5)
        let room = SessionRoom(session: session, generator: SplitMix64(seed: 6))
        let server = SessionServer(room: room, pages: try WebPages(directory: Fixtures.repositoryRoot.appending(path: "Web")))
        let message =
            switch key {
            case .none: #"{"type":"watch"}"#
            case .empty: #"{"type":"watch","key":""}"#
            case .wrong: #"{"type":"watch","key":"\#(String(repeating: "0", count: 32))"}"#
            case .projector: #"{"type":"watch","key":"\#(session.keyForProjector.text)"}"#
            case .facilitator: #"{"type":"watch","key":"\#(session.secretForFacilitator.text)"}"#
            }
        let allowed = key == .projector || key == .facilitator
        try await server.application(host: "127.0.0.1", port: 0).test(.live) { client in
            let replies = try await SessionServerTests.exchange(client, sending: [message]) {
                $0.contains { ["refused", "lobby"].contains($0["type"] as? String) }
            }
            if allowed {
                let lobby = try #require(replies.map(Received.decode).first { $0["type"] as? String == "lobby" })
                #expect(lobby["code"] as? String == session.joinCode.text)
            } else {
                #expect(replies.contains { $0.contains("open the projector address the facilitator's console prints") })
                #expect(!replies.contains { $0.contains(session.joinCode.text) }, "no join code")
            }
        }
    }

    /// A page that is refused as projector gets nothing when the room changes.
    @Test func aRefusedWatcherIsSentNothingLater() async throws {
        let session = try SampleSessions.session(vignettes: 1, planSeed: 3, codeSeed: 5)
        let room = SessionRoom(session: session, generator: SplitMix64(seed: 6))
        let (watcher, messages) = await room.connect()
        await room.receive(.watch(key: "guess"), from: watcher)
        let (participant, _) = await room.connect()
        await room.receive(.join(code: session.joinCode.text, name: "Ana Ruiz", employeeID: nil), from: participant)
        await room.perform(.next, secret: session.secretForFacilitator)
        await room.disconnect(watcher)
        var received: [String] = []
        for await text in messages { received.append(text) }
        #expect(received.count == 1 && received[0].contains(#""type":"refused""#), "\(received)")
    }
}

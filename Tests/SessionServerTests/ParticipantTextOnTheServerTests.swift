import Foundation
import GroupSessions
import HummingbirdTesting
import ScenarioEngine
import SessionServer
import TestSupport
import Testing

/// What a participant types reaches the room only through ``ParticipantText``: an employee id
/// with terminal escape sequences is refused with its reason, and the server serves on.
struct ParticipantTextOnTheServerTests {
    @Test func aJoinWithAnEscapeInTheEmployeeIDIsRefusedAndTheServerServesOn() async throws {
        let session = try SampleSessions.session(vignettes: 1, planSeed: 3, codeSeed: 5)
        let code = session.joinCode.text
        let room = SessionRoom(session: session, generator: SplitMix64(seed: 6))
        let server = SessionServer(room: room, pages: try WebPages(directory: Fixtures.repositoryRoot.appending(path: "Web")))
        try await server.application(host: "127.0.0.1", port: 0).test(.live) { client in
            let escape = #"{"type":"join","code":"\#(code)","name":"Ana Ruiz","employeeID":"E-1\u001b[2J\u001b[H"}"#
            let refused = try await SessionServerTests.exchange(client, sending: [escape]) {
                $0.contains { $0["type"] as? String == "refused" }
            }
            let reason = try #require(
                refused.map(Received.decode).first { $0["type"] as? String == "refused" }?["reason"] as? String)
            #expect(reason.hasPrefix("The employee id contains a control character"), "\(reason)")
            #expect(!refused.joined().contains("\u{1B}"), "the escape is not sent back")
            #expect(await room.participantCount == 0)

            let override = #"{"type":"join","code":"\#(code)","name":"Ana \u202eziuR"}"#
            let turned = try await SessionServerTests.exchange(client, sending: [override]) {
                $0.contains { $0["type"] as? String == "refused" }
            }
            #expect(turned.contains { $0.contains("changes the direction of the text") })

            let joined = try await SessionServerTests.exchange(
                client, sending: [#"{"type":"join","code":"\#(code)","name":"Ana Ruiz","employeeID":"E-1042"}"#]
            ) { $0.contains { $0["type"] as? String == "joined" } }
            #expect(joined.contains { $0.contains("Ana Ruiz") })
        }
        let participants = await room.session.participants
        #expect(participants.map(\.employeeID) == ["E-1042"])
    }
}

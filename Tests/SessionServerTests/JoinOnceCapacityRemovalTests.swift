import Foundation
import GroupSessions
import HummingbirdTesting
import HummingbirdWSTesting
import ScenarioEngine
import SessionServer
import TestSupport
import Testing

/// Over real WebSockets: a page joins once, a full session refuses joins, and a participant the
/// facilitator removes is told, loses their answers and cannot resume.
struct JoinOnceCapacityRemovalTests {
    static func server(capacity: Int = GroupSession.defaultCapacity) throws -> (SessionServer, SessionRoom, GroupSession) {
        let sample = try SampleSessions.session(vignettes: 1, planSeed: 3, codeSeed: 5)
        var codes = SplitMix64(seed: 5)
        let session = GroupSession(
            id: "ROOM-7", facilitator: "Dana Whitfield", plan: sample.plan, capacity: capacity, using: &codes)
        let room = SessionRoom(session: session, generator: SplitMix64(seed: 6))
        let pages = try WebPages(directory: Fixtures.repositoryRoot.appending(path: "Web"))
        return (SessionServer(room: room, pages: pages), room, session)
    }

    static func join(_ code: String, _ name: String) -> String {
        #"{"type":"join","code":"\#(code)","name":"\#(name)"}"#
    }

    @Test func aSecondJoinOnTheSamePageIsRefused() async throws {
        let (server, room, session) = try Self.server()
        let code = session.joinCode.text
        try await server.application(host: "127.0.0.1", port: 0).test(.live) { client in
            let replies = try await SessionServerTests.exchange(
                client, sending: [Self.join(code, "Ana Ruiz"), Self.join(code, "Kim Lee")]
            ) { $0.contains { $0["type"] as? String == "refused" } }
            let refused = try #require(replies.first { $0.contains(#""type":"refused""#) })
            #expect(refused.contains(Refusal.alreadyJoined.description))
        }
        #expect(await room.session.participants.map(\.name) == ["Ana Ruiz"])
    }

    @Test func aJoinBeyondTheCapacityIsToldTheSessionIsFull() async throws {
        let (server, room, session) = try Self.server(capacity: 1)
        let code = session.joinCode.text
        try await server.application(host: "127.0.0.1", port: 0).test(.live) { client in
            _ = try await SessionServerTests.exchange(client, sending: [Self.join(code, "Ana Ruiz")]) {
                $0.contains { $0["type"] as? String == "joined" }
            }
            let replies = try await SessionServerTests.exchange(client, sending: [Self.join(code, "Kim Lee")]) {
                $0.contains { $0["type"] as? String == "refused" }
            }
            #expect(replies.contains { $0.contains("This session is full (1 person)") })
        }
        #expect(await room.participantCount == 1)
    }

    @Test func aRemovedParticipantIsToldAndCannotResume() async throws {
        let (server, room, session) = try Self.server()
        let code = session.joinCode.text
        let secret = session.secretForFacilitator
        try await server.application(host: "127.0.0.1", port: 0).test(.live) { client in
            async let removedPage = SessionServerTests.exchange(client, sending: [Self.join(code, "Kim Lee")]) {
                $0.contains { $0["type"] as? String == "refused" }
            }
            try await SessionServerTests.until { await room.participantCount == 1 }
            let kim = try #require(await room.session.participants.first)
            #expect(await room.remove(participant: kim.id, secret: secret) == .success(kim))
            #expect(try await removedPage.contains { $0.contains(Refusal.removed.description) })
            let resumed = try await SessionServerTests.exchange(
                client, sending: [#"{"type":"resume","token":"\#(kim.token.text)"}"#]
            ) { $0.contains { $0["type"] as? String == "refused" } }
            #expect(resumed.contains { $0.contains(Refusal.removed.description) })
        }
        #expect(await room.participantCount == 0)
    }
}

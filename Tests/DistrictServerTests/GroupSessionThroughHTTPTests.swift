import Accounts
import Briefing
import Completion
import DistrictServer
import DistrictTestSupport
import Foundation
import GroupSessions
import NIOHTTP1
import ProtocolEngine
import RecordStore
import Records
import ScenarioEngine
import SessionServer
import Synchronization
import Testing
import Training

/// A group session on the district server, over real HTTP and WebSockets on loopback: an
/// administrator starts and runs it from the browser, signed-in staff join as themselves (their
/// typed names ignored), and their signed records land in the server's record store.
@Suite(.serialized)
struct GroupSessionThroughHTTPTests {
    static let rosa = DistrictFixture.member
    static let kim = StaffMember(
        employeeID: "E-3310", name: "Kim Nguyen", email: "kim.nguyen@example.org", school: "Redwood High School",
        district: "Tamalpais Union", role: "custodian")

    @Test func anAdministratorRunsASessionAndTheSignedInStaffsRecordsLandInTheStore() async throws {
        try await GroupSessionServer.running { server in
            var dana = try await server.signedInAdministrator("Dana Whitfield")
            let started = try await dana.submit(
                "/admin/group-session/start", from: "/admin/group-session", [("vignettes", "1"), ("capacity", "30")])
            #expect(started.status == .seeOther && started.headers.first(name: "location") == "/admin/group-session")
            let console = try await dana.send(.GET, "/admin/group-session")
            let code = try #require(console.body.element("join-code"))
            #expect(console.body.contains("/admin/group-session/present#key="))
            let room = try #require(await server.desk.room)
            let secret = await room.session.secretForFacilitator.text
            #expect(!console.body.contains(secret), "the facilitator's secret never reaches a page")

            let rosa = try await server.signedInStaff(Self.rosa)
            let kim = try await server.signedInStaff(Self.kim)
            let page = try await rosa.http.send(.GET, "/group", cookie: rosa.cookieHeader)
            #expect(page.status == .ok && page.body.contains(#"data-socket="/group/ws""#))
            #expect(page.body.contains("You join as") && !page.body.contains(#"id="name""#), "no name to type")

            // Rosa answers every question correctly, Kim every one wrongly; both type another name.
            async let rosaSaw = Self.participate(server, rosa, code: code, typing: "Somebody Else", correctly: true, room: room)
            async let kimSaw = Self.participate(server, kim, code: code, typing: "Not Kim", correctly: false, room: room)
            try await Self.until { await room.participantCount == 2 }
            let roster = try await dana.send(.GET, "/admin/group-session")
            #expect(roster.body.contains(Self.rosa.name) && roster.body.contains(Self.kim.name))
            #expect(!roster.body.contains("Somebody Else") && !roster.body.contains("Not Kim"))

            let questions = await room.session.plan.questions.count
            for index in 0..<questions {
                _ = try await dana.submit("/admin/group-session/command", from: "/admin/group-session", [("command", "next")])
                try await Self.until { await room.session.answerCount(of: index) == 2 }
                #expect(await room.session.phase == .asking(index))
                _ = try await dana.submit("/admin/group-session/command", from: "/admin/group-session", [("command", "reveal")])
            }
            let ended = try await dana.submit(
                "/admin/group-session/command", from: "/admin/group-session", [("command", "end")])
            #expect(ended.status == .seeOther)
            let after = try await dana.send(.GET, "/admin/group-session")
            #expect(after.body.contains("2 of 2") && after.body.contains(#"action="/admin/group-session/start""#))

            for (transcript, passed) in [(try await rosaSaw, true), (try await kimSaw, false)] {
                #expect(transcript.contains { $0.contains(#""type":"reveal""#) })
                #expect(transcript.contains { $0.contains(#""type":"ended""#) && $0.contains(#""passed":\#(passed)"#) })
            }
            let session = await room.session
            for participant in session.participants {
                let id = UUID(recordOf: participant, inSession: session.id).uuidString.lowercased()
                let stored = try server.fixture.store.find(id)
                try server.fixture.store.verify(stored)
                let member = participant.employeeID == Self.rosa.employeeID ? Self.rosa : Self.kim
                #expect(stored.record.trainee.name == member.name && stored.record.trainee.employeeID == member.employeeID)
                #expect(stored.record.mode == .groupSession(id: session.id, facilitator: "Dana Whitfield"))
                #expect(stored.record.score?.passed == (member.employeeID == Self.rosa.employeeID))
            }
            // Each participant finds their own record from /group.
            let group = try await rosa.http.send(.GET, "/group", cookie: rosa.cookieHeader)
            let link = try #require(group.body.firstLink(startingWith: "/records/"))
            let record = try await rosa.http.send(.GET, link, cookie: rosa.cookieHeader)
            #expect(record.status == .ok && record.body.contains("You passed"))
            let events = await server.fixture.signIn.events.filter { $0.actor == "Dana Whitfield" }
            #expect(events.map(\.action) == [.signedIn, .groupSessionStarted, .groupSessionEnded])
            #expect(events.allSatisfy { $0.detail.hasSuffix(", as district administrator") }, "each line names the role")
        }
    }

    /// Waits (up to 10 s) until `condition` holds.
    static func until(_ condition: () async -> Bool) async throws {
        for _ in 0..<1_000 {
            if await condition() { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw Waiting.TimedOut()
    }

    /// Answers each question as it opens (the right option, or another), until the session ends.
    static func participate(
        _ server: GroupSessionServer, _ browser: LiveBrowser, code: String, typing name: String, correctly: Bool,
        room: SessionRoom
    ) async throws -> [String] {
        let join = #"{"type":"join","code":"\#(code)","name":"\#(name)","employeeID":"X-1"}"#
        let token = Mutex("")
        return try await server.socket(as: browser, sending: [join]) { message in
            switch message["type"] as? String {
            case "joined":
                token.withLock { $0 = message["token"] as? String ?? "" }
                return []
            case "question":
                guard let index = (message["question"] as? [String: Any])?["index"] as? Int else { return [] }
                let question = await room.session.plan.questions[index]
                let option =
                    correctly
                    ? question.correctOptionID : question.options.first { $0.id != question.correctOptionID }!.id
                let answer =
                    #"{"type":"answer","token":"\#(token.withLock { $0 })","question":\#(index),"option":"\#(option.rawValue)"}"#
                return [answer]
            case "ended": return nil
            default: return []
            }
        }
    }
}

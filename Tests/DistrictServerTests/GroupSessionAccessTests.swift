import Accounts
import AsyncHTTPClient
import DistrictServer
import DistrictTestSupport
import Foundation
import GroupSessions
import NIOCore
import NIOHTTP1
import Records
import SessionServer
import Testing

/// Who may do what in the district server's group session: only an administrator runs it, only
/// signed-in staff join (from this server's own pages), and a forged form changes nothing.
@Suite(.serialized)
struct GroupSessionAccessTests {
    static let rosa = DistrictFixture.member

    @Test func aStaffMemberCannotOpenTheFacilitatorsRoutes() async throws {
        try await GroupSessionServer.running { server in
            var rosa = try await server.signedInStaff(Self.rosa)
            #expect(try await rosa.send(.GET, "/admin/group-session").status == .forbidden)
            #expect(try await rosa.send(.GET, "/admin/group-session/present").status == .forbidden)
            // With the staff member's own form token: still not a facilitator.
            let refused = try await rosa.submit("/admin/group-session/start", from: "/training", [("vignettes", "1")])
            #expect(refused.status == .forbidden)
            #expect(await server.desk.room == nil, "no session started")
            var visitor = server.browser()
            let signIn = try await visitor.send(.GET, "/admin/group-session")
            #expect(signIn.status == .seeOther && signIn.headers.first(name: "location") == "/admin/sign-in")
        }
    }

    @Test func aForgedFormStartsNoSession() async throws {
        try await GroupSessionServer.running { server in
            var dana = try await server.signedInAdministrator("Dana Whitfield")
            let withoutToken = try await dana.send(.POST, "/admin/group-session/start", form: [("vignettes", "1")])
            #expect(withoutToken.status == .forbidden)
            #expect(await server.desk.room == nil, "no session started")
            // The right token from another site's page.
            let console = try await dana.send(.GET, "/admin/group-session")
            let token = try #require(console.body.firstField("csrf_token"))
            let form = "csrf_token=\(token)&vignettes=1&capacity=5"
            let foreign = try await server.client.execute(
                Self.form(
                    "/admin/group-session/start", form, server: server, cookie: dana.cookieHeader,
                    origin: "http://attacker.example"), timeout: .seconds(10))
            #expect(foreign.status == .forbidden)
            #expect(await server.desk.room == nil, "not from another site")
            let events = await server.fixture.signIn.events.map(\.action)
            #expect(!events.contains(.groupSessionStarted))
            let own = try await server.client.execute(
                Self.form(
                    "/admin/group-session/start", form, server: server, cookie: dana.cookieHeader,
                    origin: server.address), timeout: .seconds(10))
            #expect(own.status == .seeOther)
            #expect(await server.desk.room != nil, "the same form from this site starts one")
        }
    }

    @Test func onlySignedInStaffJoinAndOnlyFromThisSitesPages() async throws {
        try await GroupSessionServer.running { server in
            var dana = try await server.signedInAdministrator("Dana Whitfield")
            _ = try await dana.submit(
                "/admin/group-session/start", from: "/admin/group-session", [("vignettes", "1"), ("capacity", "5")])
            let room = try #require(await server.desk.room)
            let code = await room.session.joinCode.text
            let join = #"{"type":"join","code":"\#(code)","name":"Mallory"}"#
            var visitor = server.browser()
            let page = try await visitor.send(.GET, "/group")
            #expect(page.status == .seeOther && page.headers.first(name: "location") == "/", "sent to sign in")
            await #expect(throws: (any Error).self, "not signed in: no socket") {
                _ = try await server.socket(as: visitor, sending: [join]) { _ in nil }
            }
            let rosa = try await server.signedInStaff(Self.rosa)
            await #expect(throws: (any Error).self, "another site's page: no socket") {
                _ = try await server.socket(as: rosa, origin: "http://attacker.example", sending: [join]) { _ in nil }
            }
            #expect(await room.participantCount == 0)

            // Signed in, from this site: joins as herself, twice (two devices) as one participant,
            // and cannot command the session with its secret.
            let secret = await room.session.secretForFacilitator.text
            let command = #"{"type":"command","secret":"\#(secret)","command":"end"}"#
            for _ in 0..<2 {
                let seen = try await server.socket(as: rosa, sending: [join, command]) { message in
                    message["type"] as? String == "refused" ? nil : []
                }
                #expect(seen.contains { $0.contains(#""name":"\#(Self.rosa.name)""#) })
                #expect(seen.contains { $0.contains(Refusal.notTheFacilitator.description) })
            }
            #expect(await room.participantCount == 1)
            #expect(await room.session.phase == .lobby, "not ended by a participant")
        }
    }

    static func form(_ path: String, _ body: String, server: GroupSessionServer, cookie: String, origin: String)
        -> HTTPClientRequest
    {
        var request = HTTPClientRequest(url: server.address + path)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Origin", value: origin)
        request.headers.add(name: "Cookie", value: cookie)
        request.body = .bytes(ByteBuffer(string: body))
        return request
    }
}

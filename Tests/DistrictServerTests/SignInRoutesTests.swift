import Accounts
import Briefing
import DistrictServer
import DistrictTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Records
import SessionServer
import Testing

/// Sign-in and sign-out over HTTP: the cookie's flags, a new session every sign-in, refused
/// links, the administrators' form, and the audit log.
@Suite(.serialized)
struct SignInRoutesTests {
    struct CookieCase: CustomTestStringConvertible, Sendable {
        var publicURL: String?
        var secure: Bool
        var testDescription: String { publicURL ?? "plain http" }
    }

    @Test(arguments: [
        CookieCase(publicURL: nil, secure: false), CookieCase(publicURL: "https://training.example.org", secure: true),
    ])
    func theSessionCookiesFlags(_ setting: CookieCase) async throws {
        let fixture = try DistrictFixture(publicURL: setting.publicURL.flatMap(URL.init(string:)))
        defer { fixture.remove() }
        let link = await fixture.invitationPath()
        try await fixture.application.test(.router) { client in
            let response = try await client.execute(uri: link, method: .get)
            #expect(response.status == .seeOther && response.headers[.location] == "/training")
            let cookie = try #require(response.headers[values: .setCookie].first)
            let attributes = Set(cookie.split(separator: ";").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) })
            #expect(attributes.contains("HttpOnly") && attributes.contains("SameSite=Lax") && attributes.contains("Path=/"))
            #expect(attributes.contains("Secure") == setting.secure)
            #expect(cookie.hasPrefix("__Host-") == setting.secure)
            #expect(!attributes.contains { $0.hasPrefix("Domain") })
        }
    }

    @Test func aUsedInvitationIsRefusedAndAudited() async throws {
        let fixture = try DistrictFixture()
        defer { fixture.remove() }
        let link = await fixture.invitationPath()
        try await fixture.application.test(.router) { client in
            var first = TestBrowser(client)
            #expect(try await first.get(link).path == "/training")
            var second = TestBrowser(client)
            let refused = try await second.get(link)
            #expect(
                refused.status == .forbidden
                    && refused.body.contains(ContentNote.escaped(AccountError.invitationUsed.description)))
            #expect(second.cookies.isEmpty)
        }
        let actions = await fixture.signIn.events.map(\.action)
        #expect(actions == [.signedIn, .signInRefused])
    }

    /// No session id survives a sign-in: each one gets a new token and ends the browser's old
    /// session.
    @Test func signingInAgainStartsANewSession() async throws {
        let fixture = try DistrictFixture()
        defer { fixture.remove() }
        let (first, second) = (await fixture.invitationPath(), await fixture.invitationPath())
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            _ = try await browser.get(first)
            let old = browser.cookies
            _ = try await browser.get(second)
            #expect(browser.cookies != old && !browser.cookies.isEmpty)
            #expect(await fixture.signIn.openSessions == 1, "the old session ended")
        }
    }

    @Test func signingOutEndsTheSessionAndIsAudited() async throws {
        let fixture = try DistrictFixture()
        defer { fixture.remove() }
        let link = await fixture.invitationPath()
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            let start = try await browser.get(link)
            let kept = browser.cookies
            let out = try await browser.post("/sign-out", [("csrf_token", try #require(start.field("csrf_token")))])
            #expect(out.path == "/" && browser.cookies.isEmpty)
            var replay = TestBrowser(client)
            replay.restore(kept)
            #expect(try await replay.get("/training").path == "/", "the old cookie no longer signs in")
        }
        let events = await fixture.signIn.events
        #expect(events.map(\.action) == [.signedIn, .signedOut])
        #expect(events.allSatisfy { $0.actor == DistrictFixture.member.name })
    }

    @Test func anAdministratorSignsInWithTheFormsToken() async throws {
        let fixture = try DistrictFixture()
        defer { fixture.remove() }
        await fixture.signIn.addAdministrator(name: "Dana Whitfield", password: "correct horse battery staple")
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            let form = try await browser.get("/admin/sign-in")
            let token = try #require(form.field("csrf_token"))
            let wrong = try await browser.post(
                "/admin/sign-in", [("csrf_token", token), ("name", "Dana Whitfield"), ("password", "wrong")])
            #expect(wrong.status == .unauthorized && wrong.body.contains(#"role="alert""#))
            let withoutToken = try await browser.post(
                "/admin/sign-in", [("name", "Dana Whitfield"), ("password", "correct horse battery staple")])
            #expect(withoutToken.status == .forbidden)
            let retry = try #require(wrong.field("csrf_token"))
            let signedIn = try await browser.post(
                "/admin/sign-in",
                [("csrf_token", retry), ("name", "Dana Whitfield"), ("password", "correct horse battery staple")])
            #expect(signedIn.path == "/admin" && signedIn.body.contains("Dana Whitfield"))
        }
        let actions = await fixture.signIn.events.map(\.action)
        #expect(actions == [.signInRefused, .signedIn])
    }

    /// Past the sign-in limit the form says to wait (429), and the server keeps serving.
    @Test func tooManyWrongPasswordsAreRefusedAndTheServerKeepsServing() async throws {
        let fixture = try DistrictFixture()
        defer { fixture.remove() }
        await fixture.signIn.addAdministrator(name: "Dana Whitfield", password: "correct horse battery staple")
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            var form = try await browser.get("/admin/sign-in")
            for attempt in 1...(InMemorySignIn.allowedFailures + 1) {
                let token = try #require(form.field("csrf_token"))
                form = try await browser.post(
                    "/admin/sign-in", [("csrf_token", token), ("name", "Dana Whitfield"), ("password", "guess \(attempt)")])
                let limited = attempt > InMemorySignIn.allowedFailures
                #expect(form.status == (limited ? .tooManyRequests : .unauthorized), "attempt \(attempt)")
            }
            #expect(form.body.contains(ContentNote.escaped(AccountError.tooManyAttempts(retryAfterSeconds: 60).description)))
            #expect(try await browser.get("/healthz").status == .ok)
        }
    }

    /// With the district's OpenID provider configured, the front page links to its sign-in.
    @Test(arguments: [nil, SignInMethods.OpenIDProvider(displayName: "Google Workspace")])
    func theFrontPageOffersTheEnabledMethods(_ provider: SignInMethods.OpenIDProvider?) async throws {
        let fixture = try DistrictFixture(methods: SignInMethods(openID: provider))
        defer { fixture.remove() }
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            let welcome = try await browser.get("/")
            #expect(welcome.body.contains(#"href="/admin/sign-in""#))
            #expect(welcome.body.contains(#"href="/sign-in/oidc""#) == (provider != nil))
            #expect(welcome.body.contains("Google Workspace") == (provider != nil))
        }
    }

    /// Another sign-in method (the OpenID sign-in's callback) adds its routes behind the same
    /// middleware and signs people in as the invitation does: a new session, its cookie, the
    /// audit log.
    @Test func anotherSignInMethodSignsInThroughTheSameDoor() async throws {
        let fixture = try DistrictFixture()
        defer { fixture.remove() }
        let server = fixture.server
        let router = server.router { router in
            router.get("/sign-in/test-provider/callback") { _, context in
                await server.signedIn(.staff(DistrictFixture.member), by: "Test Provider", then: "/training", context: context)
            }
        }
        try await Application(router: router, logger: DistrictFixture.quietLogger).test(.router) { client in
            var browser = TestBrowser(client)
            let page = try await browser.get("/sign-in/test-provider/callback")
            #expect(page.path == "/training" && page.body.contains(ContentNote.escaped(DistrictFixture.member.name)))
        }
        let events = await fixture.signIn.events
        #expect(events.map(\.action) == [.signedIn] && events.first?.detail == "Test Provider")
    }

    @Test func healthz() async throws {
        let fixture = try DistrictFixture()
        defer { fixture.remove() }
        try await fixture.application.test(.router) { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .ok && String(buffer: response.body) == "ok\n")
        }
    }
}

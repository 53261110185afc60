import Accounts
import Briefing
import DistrictServer
import DistrictTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import OpenIDSignIn
import Records
import SessionServer
import TestSupport
import Testing

/// Sign-in with the district's OpenID provider through the server's routes, against a real
/// provider (oidc-provider-mock): the e-mail it verifies is matched to the roster, a sign-in not
/// started in this browser is refused, and so is someone the roster does not know.
@Suite(.serialized, .enabled(if: OpenIDProviderMock.runsCases, Comment(rawValue: OpenIDProviderMock.skipMessage)))
struct OpenIDSignInThroughHTTPTests {
    static let cookieName = "csec-oidc"

    /// The server with its OpenID routes for `provider`.
    static func application(
        _ fixture: DistrictFixture, provider: OpenIDProviderMock
    ) -> (some ApplicationProtocol, OpenIDSignInRoutes) {
        let settings = OpenIDSignInSettings(
            issuer: provider.issuer, clientID: "csec-trainer-tests", clientSecret: "secret",
            redirectURI: OpenIDSignInSettings.redirectURI(forPublicURL: "http://localhost"))
        let routes = OpenIDSignInRoutes(
            relyingParty: OpenIDRelyingParty(settings: settings), providerName: "the district's accounts")
        let server = fixture.server
        let application = Application(
            router: server.router(moreRoutes: { routes.add(to: $0, server: server) }), logger: DistrictFixture.quietLogger)
        return (application, routes)
    }

    /// Starts a sign-in: the provider's authorization URL and the browser's cookie for it.
    static func start(_ client: some TestClientProtocol) async throws -> (authorization: URL, cookie: String) {
        let started = try await client.execute(uri: OpenIDSignInRoutes.startPath, method: .get)
        #expect(started.status == .seeOther)
        let location = try #require(started.headers[.location].flatMap(URL.init(string:)))
        let setCookie = try #require(started.headers[values: .setCookie].first { $0.hasPrefix(cookieName + "=") })
        let cookie = String(setCookie.prefix { $0 != ";" })
        #expect(setCookie.contains("HttpOnly") && setCookie.contains("Path=\(OpenIDSignInRoutes.startPath)"))
        return (location, cookie)
    }

    @Test func aRosteredPersonSignsInWithTheirDistrictAccount() async throws {
        let fixture = try DistrictFixture()
        defer { fixture.remove() }
        _ = await fixture.invitationPath()  // puts the member on the fixture's roster
        let email = try #require(DistrictFixture.member.email)
        try await OpenIDProviderMock.run { provider in
            try await ProviderBrowser.setClaims(["email": email, "email_verified": true], of: "rosa", at: provider)
            let (application, _) = Self.application(fixture, provider: provider)
            try await application.test(.router) { client in
                let (authorization, cookie) = try await Self.start(client)
                #expect(authorization.absoluteString.hasPrefix(provider.issuer))
                let query = try await ProviderBrowser.approve(authorization, as: "rosa")

                let back = try await client.execute(
                    uri: OpenIDSignInSettings.callbackPath + "?" + query, method: .get, headers: [.cookie: cookie])
                #expect(back.status == .seeOther && back.headers[.location] == "/training")
                #expect(back.headers[values: .setCookie].contains { $0.hasPrefix("csec-session=") })

                // The pending sign-in was used: the same return again is refused.
                let again = try await client.execute(
                    uri: OpenIDSignInSettings.callbackPath + "?" + query, method: .get, headers: [.cookie: cookie])
                #expect(again.status == .forbidden)
            }
        }
        let events = await fixture.signIn.events
        #expect(events.map(\.action) == [.signedIn, .signInRefused])
        #expect(events.first?.actor == DistrictFixture.member.name && events.first?.detail == "the district's accounts")
    }

    @Test func aReturnWithoutTheBrowsersCookieIsRefused() async throws {
        let fixture = try DistrictFixture()
        defer { fixture.remove() }
        try await OpenIDProviderMock.run { provider in
            let (application, _) = Self.application(fixture, provider: provider)
            try await application.test(.router) { client in
                let (authorization, _) = try await Self.start(client)
                let query = try await ProviderBrowser.approve(authorization, as: "rosa")
                let back = try await client.execute(uri: OpenIDSignInSettings.callbackPath + "?" + query, method: .get)
                #expect(back.status == .forbidden)
                #expect(!back.headers[values: .setCookie].contains { $0.hasPrefix("csec-session=") })
            }
        }
    }

    @Test func someoneNotOnTheRosterIsRefused() async throws {
        let fixture = try DistrictFixture()
        defer { fixture.remove() }
        try await OpenIDProviderMock.run { provider in
            try await ProviderBrowser.setClaims(
                ["email": "visitor@example.org", "email_verified": true], of: "visitor", at: provider)
            let (application, _) = Self.application(fixture, provider: provider)
            try await application.test(.router) { client in
                let (authorization, cookie) = try await Self.start(client)
                let query = try await ProviderBrowser.approve(authorization, as: "visitor")
                let back = try await client.execute(
                    uri: OpenIDSignInSettings.callbackPath + "?" + query, method: .get, headers: [.cookie: cookie])
                #expect(back.status == .forbidden)
                let page = String(buffer: back.body)
                #expect(page.contains(ContentNote.escaped(AccountError.notOnRoster(email: "visitor@example.org").description)))
            }
        }
        #expect(await fixture.signIn.events.map(\.action) == [.signInRefused])
    }
}

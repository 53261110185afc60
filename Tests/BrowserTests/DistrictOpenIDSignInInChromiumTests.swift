import Accounts
import BrowserTesting
import DistrictServer
import DistrictTestSupport
import Foundation
import Hummingbird
import OpenIDSignIn
import Records
import Synchronization
import TestSupport
import Testing

extension DistrictInChromium {
    /// The same whole attempt as ``DistrictTrainingInChromiumTests``, signed in with the district's
    /// account at a real OpenID provider (oidc-provider-mock, run locally): the trainee starts at
    /// the server's front page, chooses the district's sign-in, types their account name on the
    /// provider's own authorization page, and comes back signed in, the provider's verified e-mail
    /// matched to the roster. The second device signs in the same way. Then ``DistrictTrainingFlow``.
    @Suite(
        // Without Chromium, axe-core or the provider the test is skipped on a developer's machine; in
        // CI (CI set) it runs and fails, saying what to install.
        .enabled(
            if: (Chromium.executable != nil && AxeCore.script != nil && OpenIDProviderMock.python != nil)
                || ProcessInfo.processInfo.environment["CI"] != nil,
            "Chromium, axe-core or oidc-provider-mock is not installed (scripts/setup.sh --tests installs them)"),
        .timeLimit(.minutes(5))
    )
    struct DistrictOpenIDSignInInChromiumTests {
        /// The trainee's account at the provider, and how the sign-in page names the provider.
        static let account = "rosa"
        static let providerName = "the district's accounts"

        /// On a phone first, then on a desktop.
        @Test func theWholeAttemptSignedInWithTheDistrictsAccount() async throws {
            let screens = [(width: 390, height: 844), (width: 1280, height: 900)]
            let shots = Screenshots(prefix: "district-openid")
            try shots.removeEarlier()
            let email = try #require(DistrictFixture.member.email)
            try await OpenIDProviderMock.run { provider in
                // The district's directory: the account, its e-mail verified.
                try await ProviderBrowser.setClaims(
                    ["email": email, "email_verified": true], of: Self.account, at: provider)
                // The provider sends the browser back to the address it was registered with: the
                // server's port is chosen before it starts.
                let address = "http://127.0.0.1:\(try OpenIDProviderMock.freePort())"
                let routes = OpenIDSignInRoutes(
                    relyingParty: OpenIDRelyingParty(
                        settings: OpenIDSignInSettings(
                            issuer: provider.issuer, clientID: "csec-trainer-tests", clientSecret: "secret",
                            redirectURI: OpenIDSignInSettings.redirectURI(forPublicURL: address))),
                    providerName: Self.providerName)
                let fixture = try DistrictFixture(methods: SignInMethods(openID: routes.method))
                defer { fixture.remove() }
                // The fixture's roster is the people it invited; the link itself is never opened.
                _ = await fixture.invitationPath()
                let server = fixture.server
                let listening = Listening()
                let application = server.application(
                    host: "127.0.0.1", port: try #require(URLComponents(string: address)?.port),
                    logger: DistrictFixture.quietLogger, moreRoutes: { routes.add(to: $0, server: server) },
                    onServerRunning: { _ in listening.started.withLock { $0 = true } })

                // Run here rather than by HummingbirdTesting's live test, which picks a port of its own.
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { try await application.runService() }
                    defer { group.cancelAll() }
                    try await Waiting.until("the server to listen", timeout: .seconds(30)) { listening.started.withLock { $0 } }
                    try await Chromium.run { browser in
                        try await DistrictTrainingFlow(fixture: fixture, shots: shots).run { device in
                            let screen = screens[device]
                            let page = try await browser.open(address + "/", width: screen.width, height: screen.height)
                            if device == 0 { try await shots.check(page, named: "welcome") }
                            try await signIn(on: page, at: provider, shots: device == 0 ? shots : nil)
                            return page
                        }
                    }
                }
                let signIns = await fixture.signIn.events.filter { $0.action == .signedIn }
                #expect(
                    signIns.map(\.detail) == [Self.providerName, Self.providerName], "both devices signed in at the provider")
                #expect(signIns.allSatisfy { $0.actor == DistrictFixture.member.name })
            }
        }

        /// From the front page shown on `page`: the district's sign-in, the provider's form filled
        /// in as a person does, and back on the training page.
        private func signIn(on page: BrowserPage, at provider: OpenIDProviderMock, shots: Screenshots?) async throws {
            try await page.clickLink("a[href='\(OpenIDSignInRoutes.startPath)']")
            try await page.waitUntil(
                "the provider's authorization page", timeout: .seconds(30),
                #"location.origin === \#(JSON.string(provider.issuer).text) && document.readyState !== "loading" "#
                    + #"&& !!document.querySelector("input[name=sub]")"#)
            // The provider's page is oidc-provider-mock's, not the server's: axe-core is not run on
            // it (a district's real provider has its own); its screenshot is kept. Its style sheet
            // comes from a CDN, which the test does not wait for (CI may be offline).
            try shots?.keep(try await page.screenshot(), as: "provider")
            try await page.type(Self.account, into: "input[name=sub]")
            try await page.click("form:has(input[name=sub]) button[type=submit]")
            try await page.waitUntil(
                "the training page, signed in", timeout: .seconds(30),
                #"location.pathname === "/training" && document.readyState === "complete""#)
            #expect(try await page.documentStatus() == 200)
        }
    }
}

/// Whether the server listens yet (its application says so once its channel is bound).
private final class Listening: Sendable {
    let started = Mutex(false)
}

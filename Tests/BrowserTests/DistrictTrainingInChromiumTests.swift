import BrowserTesting
import DistrictTestSupport
import Foundation
import HummingbirdTesting
import Testing

extension DistrictInChromium {
    /// The district server's self-paced training in headless Chromium, on a 390 px phone and on a
    /// desktop: an invitation link, then ``DistrictTrainingFlow`` (the content note, half the
    /// questions, a second browser context signed in by a second link for the rest, the outcome,
    /// the downloads checked). The sign-in pages are checked too.
    @Suite(
        // Without Chromium or axe-core the tests are skipped on a developer's machine; in CI (CI set)
        // they run and fail, saying what to install.
        .enabled(
            if: (Chromium.executable != nil && AxeCore.script != nil) || ProcessInfo.processInfo.environment["CI"] != nil,
            "Chromium or axe-core is not installed (scripts/setup.sh --tests installs both)"),
        .timeLimit(.minutes(5))
    )
    struct DistrictTrainingInChromiumTests {
        struct Screen: Sendable, CustomStringConvertible {
            var width: Int
            var height: Int
            var description: String { "\(width)x\(height)" }
        }

        /// A phone, a desktop at 200% zoom (1280 × 900 at 200% lays out as 640 × 450), a desktop.
        static let screens = [Screen(width: 390, height: 844), Screen(width: 640, height: 450), Screen(width: 1280, height: 900)]

        @Test(arguments: screens)
        func theWholeAttemptOnTwoDevices(on screen: Screen) async throws {
            let fixture = try DistrictFixture()
            defer { fixture.remove() }
            let links = [await fixture.invitationPath(), await fixture.invitationPath()]
            let shots = Screenshots(prefix: "district-\(screen)")
            try shots.removeEarlier()

            try await fixture.liveApplication.test(.live) { client in
                let address = "http://127.0.0.1:\(try #require(client.port))"
                try await Chromium.run { browser in
                    let visitor = try await browser.open(address + "/", width: screen.width, height: screen.height)
                    try await shots.check(visitor, named: "welcome")
                    try await visitor.navigate(to: address + "/admin/sign-in")
                    try await shots.check(visitor, named: "admin-sign-in")

                    // Each device opens its own invitation link.
                    try await DistrictTrainingFlow(fixture: fixture, shots: shots).run { device in
                        let page = try await browser.open(address + links[device], width: screen.width, height: screen.height)
                        try await page.waitUntil("the training page", #"location.pathname === "/training""#)
                        return page
                    }
                }
            }
        }
    }
}

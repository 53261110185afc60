import BrowserTesting
import DistrictServer
import DistrictTestSupport
import Foundation
import HummingbirdTesting
import ProtocolEngine
import Records
import Storage
import TestSupport
import Testing

extension DistrictInChromium {
    /// Practice in headless Chromium on a 390 px phone, on a course that offers the pre-test: the
    /// offer, a pre-test's question (no briefing link, no feedback after the answer), its end and
    /// its score; then, after a passed training, the refresher link's page, a refresher's question
    /// and its result, shown as practice. On each page axe-core finds no serious or critical
    /// violation and nothing scrolls sideways.
    @Suite(
        .enabled(
            if: (Chromium.executable != nil && AxeCore.script != nil) || ProcessInfo.processInfo.environment["CI"] != nil,
            "Chromium or axe-core is not installed (scripts/setup.sh --tests installs both)"),
        .timeLimit(.minutes(5))
    )
    struct DistrictPracticeInChromiumTests {
        @Test func thePreTestAndTheRefresherOnAPhone() async throws {
            let fixture = try DistrictFixture()
            defer { fixture.remove() }
            var server = fixture.server
            server.offersPreTest = true
            let shots = Screenshots(prefix: "district-practice")
            try shots.removeEarlier()
            let links = [await fixture.invitationPath(), await fixture.invitationPath() + "/refresher"]

            try await server.application(host: "127.0.0.1", port: 0, logger: DistrictFixture.quietLogger).test(.live) {
                client in
                let address = "http://127.0.0.1:\(try #require(client.port))"
                try await Chromium.run { browser in
                    let page = try await browser.open(address + links[0], width: 390, height: 844)
                    try await page.waitUntil("the training page", #"location.pathname === "/training""#)
                    #expect(try await page.heading() != nil)
                    try await shots.check(page, named: "pre-test-offer")
                    try await page.submit("form[action='/training/pre-test/start'] button", expecting: "/training/question")
                    try await shots.check(page, named: "pre-test-question")
                    try await answerEveryQuestion(on: page, feedback: false)
                    try await shots.check(page, named: "pre-test-last")
                    try await page.submit("form[action='/training/pre-test/finish'] button", expecting: "/training")
                    #expect(try await page.heading() == "Pre-test done")
                    try await shots.check(page, named: "pre-test-done")

                    // A passed training on record (the person's, by employee id), then the refresher link.
                    let member = DistrictFixture.member
                    _ = try await FileRecordRepository(store: fixture.store).saveOnce(
                        SampleRecords.record(
                            name: member.name, employeeID: member.employeeID, school: member.school,
                            completed: Timestamp(Date().addingTimeInterval(-30 * 86_400), utcOffsetSeconds: 0).description,
                            jurisdiction: fixture.jurisdiction.id.rawValue))
                    let refresher = try await browser.open(address + links[1], width: 390, height: 844)
                    try await refresher.waitUntil("the refresher page", #"location.pathname === "/training/refresher""#)
                    try await shots.check(refresher, named: "refresher-start")
                    try await refresher.submit("form[action='/training/refresher'] button", expecting: "/training/question")
                    try await shots.check(refresher, named: "refresher-question")
                    try await answerEveryQuestion(on: refresher, feedback: true)
                    try await refresher.submit("form[action='/training/finish'] button", expecting: "/records/")
                    #expect(try await refresher.heading() == "Refresher done")
                    let text = try await refresher.evaluate("document.body.textContent").string ?? ""
                    #expect(text.contains("practice, not passed or failed") && !text.contains("Not passed"))
                    try await shots.check(refresher, named: "refresher-result")
                }
            }
        }

        /// Chooses the first option of each question and answers it, until no question is left:
        /// with `feedback`, through the feedback page; without, each answer leads straight on.
        private func answerEveryQuestion(on page: BrowserPage, feedback: Bool) async throws {
            for _ in 0..<40 {
                let path = try await page.evaluate("location.pathname").string
                guard path == "/training/question" else { return }
                try await page.click("input[name=option]")
                try await page.submit("form[action='/training/answer'] button", expecting: "/training/")
                let shown = try await page.evaluate("location.pathname").string
                if feedback {
                    #expect(shown == "/training/feedback")
                    guard
                        try await page.evaluate("document.querySelector(\"a[href='/training/question']\") !== null").bool
                            == true
                    else { return }
                    try await page.submit("a[href='/training/question']", expecting: "/training/question")
                } else {
                    let body = try await page.evaluate("document.body.textContent").string ?? ""
                    #expect(!body.contains("Correct") && !body.contains("Not quite"), "no feedback in a pre-test")
                }
            }
            Issue.record("more than 40 questions")
        }
    }
}

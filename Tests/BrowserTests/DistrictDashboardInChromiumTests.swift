import Accounts
import BrowserTesting
import DistrictServer
import DistrictTestSupport
import Foundation
import HummingbirdTesting
import Records
import Storage
import Testing

extension DistrictInChromium {
    /// A district administrator opens the compliance dashboard in headless Chromium on a 390 px
    /// phone: it renders (its tables, the people of the view), axe-core finds no serious or
    /// critical violation and nothing scrolls sideways; choosing a school in the filters' form
    /// (no script: a GET form) and showing it changes the counts to that school's.
    @Suite(
        .enabled(
            if: (Chromium.executable != nil && AxeCore.script != nil) || ProcessInfo.processInfo.environment["CI"] != nil,
            "Chromium or axe-core is not installed (scripts/setup.sh --tests installs both)"),
        .timeLimit(.minutes(5))
    )
    struct DistrictDashboardInChromiumTests {
        static let name = "Dana Whitfield"
        static let password = "correct horse battery staple"
        /// No one has a record: all three are due or overdue, two at Redwood, one at Tamalpais.
        static let staff = [
            StaffMember(employeeID: "E-1", name: "Rosa Delgado", school: "Redwood High School", role: "Teacher"),
            StaffMember(employeeID: "E-2", name: "Marcus Bell", school: "Redwood High School", role: "Counselor"),
            StaffMember(employeeID: "E-3", name: "Lena Park", school: "Tamalpais High School", role: "Teacher"),
        ]

        @Test func theDashboardRendersAndAFilterChangesTheCounts() async throws {
            let fixture = try DistrictFixture()
            defer { fixture.remove() }
            let roster = FileRosterRepository(dataDirectory: fixture.directory)
            _ = try await roster.importRoster(Self.staff, scope: .wholeRoster)
            let accounts = DistrictAccounts(store: FileAccountStore(dataDirectory: fixture.directory), roster: roster)
            _ = try await accounts.addAdministrator(name: Self.name, password: Self.password, now: Date(), by: "command line")
            let server = DistrictServer(
                training: fixture.server.training, jurisdiction: fixture.jurisdiction, length: fixture.server.length,
                contentNote: fixture.server.contentNote, briefing: fixture.server.briefing,
                certificates: fixture.server.certificates, signIn: accounts, accounts: accounts)
            let shots = Screenshots(prefix: "district-dashboard")
            try shots.removeEarlier()

            try await server.application(host: "127.0.0.1", port: 0, logger: DistrictFixture.quietLogger).test(.live) { client in
                let address = "http://127.0.0.1:\(try #require(client.port))"
                try await Chromium.run { browser in
                    let page = try await browser.open(address + "/admin/sign-in", width: 390, height: 844)
                    try await page.type(Self.name, into: "#name")
                    try await page.type(Self.password, into: "#password")
                    try await page.click("form[action='/admin/sign-in'] button")
                    try await page.waitUntil(
                        "the administrator's page", timeout: .seconds(30),
                        #"location.pathname === "/admin" && document.readyState === "complete""#)
                    try await page.navigate(to: address + "/admin/dashboard")
                    #expect(try await page.documentStatus() == 200)
                    for table in ["#by-district", "#by-school", "#by-role", "#people-table"] {
                        #expect(
                            try await page.evaluate("document.querySelector('\(table) caption') !== null").bool == true,
                            "\(table)")
                    }
                    #expect(try await peopleShown(on: page) == 3)
                    let everyone = try #require(
                        try await page.evaluate("document.querySelector('#view-summary').textContent").string)
                    #expect(everyone.contains("3 people"))
                    // Kept before axe-core runs too: its contrast checks scroll the tables' regions.
                    try shots.keep(try await page.screenshot(), as: "dashboard-390-as-loaded")
                    try await shots.check(page, named: "dashboard-390")

                    // The school chosen as a keyboard user would (focus, then the option), then Show.
                    _ = try await page.evaluate(
                        "const s = document.querySelector('#school'); s.focus(); s.value = 'Tamalpais High School'; true")
                    try await page.click("form[action='/admin/dashboard'] button[type=submit]")
                    try await page.waitUntil(
                        "the school's view", #"location.search.includes("school=") && document.readyState === "complete""#)
                    let school = try #require(
                        try await page.evaluate("document.querySelector('#view-summary').textContent").string)
                    #expect(school != everyone && school.contains("1 person"), "\(school)")
                    #expect(try await peopleShown(on: page) == 1)
                    #expect(try await page.evaluate("document.querySelector('#school').value").string == "Tamalpais High School")
                    try await shots.check(page, named: "dashboard-filtered-390")
                }
            }
        }

        /// The rows of the people table.
        private func peopleShown(on page: BrowserPage) async throws -> Int? {
            try await page.evaluate("document.querySelectorAll('#people-table tbody tr').length").number.map { Int($0) }
        }
    }
}

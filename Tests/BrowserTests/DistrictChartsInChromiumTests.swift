import Accounts
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
    /// The training office's charts in headless Chromium on a 390 px phone: the dashboard's
    /// completions over time and the item analysis page's charts render as SVG named by their
    /// titles, each beside its table with the view's figures; the filters change the chart with
    /// the counts; axe-core finds no violation of any impact and nothing scrolls sideways;
    /// a keyboard reaches the chart and its table; a site administrator cannot reach another school's
    /// item analysis, by the URL or its query.
    @Suite(
        .enabled(
            if: (Chromium.executable != nil && AxeCore.script != nil) || ProcessInfo.processInfo.environment["CI"] != nil,
            "Chromium or axe-core is not installed (scripts/setup.sh --tests installs both)"),
        .timeLimit(.minutes(5))
    )
    struct DistrictChartsInChromiumTests {
        static let district = "Dana Whitfield"
        static let site = "Sam Ortiz"
        static let password = "correct horse battery staple"
        static let otherSchool = "Tamalpais High School"
        /// Rosa completes (Redwood); Marcus (Redwood) has not; Lena (Tamalpais) took it and misread the situation.
        static let staff = [
            StaffMember(employeeID: "E-1", name: "Rosa Delgado", school: "Redwood High School", role: "Teacher"),
            StaffMember(employeeID: "E-2", name: "Marcus Bell", school: "Redwood High School", role: "Counselor"),
            StaffMember(employeeID: "E-3", name: "Lena Park", school: otherSchool, role: "Teacher"),
        ]

        /// A server with the roster, Dana (district) and Sam (Redwood's site administrator), and
        /// two records of a minute ago: Rosa's, passed and read right, and Lena's, failed with
        /// the category misread.
        static func server(_ fixture: DistrictFixture) async throws -> DistrictServer {
            let roster = FileRosterRepository(dataDirectory: fixture.directory)
            _ = try await roster.importRoster(Self.staff, scope: .wholeRoster)
            let accounts = DistrictAccounts(store: FileAccountStore(dataDirectory: fixture.directory), roster: roster)
            _ = try await accounts.addAdministrator(name: Self.district, password: Self.password, now: Date(), by: "test")
            _ = try await accounts.addAdministrator(
                name: Self.site, password: Self.password, school: Self.staff[0].school, now: Date(), by: "test")
            let records = FileRecordRepository(store: fixture.store)
            let moment = Timestamp(Date().addingTimeInterval(-60), utcOffsetSeconds: 0).description
            let rosa = Self.staff[0]
            _ = try await records.saveOnce(
                SampleRecords.record(name: rosa.name, employeeID: rosa.employeeID, school: rosa.school, completed: moment))
            let lena = Self.staff[2]
            var failed = SampleRecords.record(
                name: lena.name, employeeID: lena.employeeID, school: lena.school, completed: moment, percent: 40,
                passed: false)
            let truth = failed.questions[0].correctOption
            failed.questions[0].chosenOption = try #require(
                fixture.jurisdiction.categories.map { "category:\($0.id.rawValue)" }.first { $0 != truth })
            _ = try await records.saveOnce(failed)
            return DistrictServer(
                training: fixture.server.training, jurisdiction: fixture.jurisdiction, length: fixture.server.length,
                contentNote: fixture.server.contentNote, briefing: fixture.server.briefing,
                certificates: fixture.server.certificates, signIn: accounts, accounts: accounts)
        }

        @Test func theChartsRenderBesideTheirTablesAndASiteAdministratorSeesOnlyTheirSchool() async throws {
            let fixture = try DistrictFixture()
            defer { fixture.remove() }
            let server = try await Self.server(fixture)
            let shots = Screenshots(prefix: "district-charts")
            try shots.removeEarlier()

            try await server.application(host: "127.0.0.1", port: 0, logger: DistrictFixture.quietLogger).test(.live) { client in
                let address = "http://127.0.0.1:\(try #require(client.port))"
                try await Chromium.run { browser in
                    let page = try await browser.open(address + "/admin/sign-in", width: 390, height: 844)
                    try await signIn(Self.district, on: page)
                    try await page.navigate(to: address + "/admin/dashboard")
                    #expect(try await page.documentStatus() == 200)
                    #expect(try await chartTitle(on: page, id: "completions")?.hasPrefix("Completions against the") == true)
                    // With the keyboard: from the chart's CSV link, Tab reaches the chart, then its table.
                    _ = try await page.evaluate(
                        "document.querySelector('a[href^=\"/admin/dashboard/completions.csv\"]').focus(); true")
                    try await pressTab(on: page)
                    #expect(try await page.evaluate("document.activeElement.id").string == "completions")
                    try await pressTab(on: page)
                    #expect(
                        try await page.evaluate("document.activeElement.querySelector('#completions-table') !== null").bool
                            == true)
                    // Everyone: 3 people, Rosa complete; the table's last week says so.
                    #expect(try await lastRow(of: "completions-table", on: page) == "1 of 3 (33%)")
                    try await checkEveryImpact(page, named: "dashboard-chart-390", shots: shots)

                    _ = try await page.evaluate(
                        "const s = document.querySelector('#school'); s.focus(); s.value = '\(Self.otherSchool)'; true")
                    try await page.click("form[action='/admin/dashboard'] button[type=submit]")
                    try await page.waitUntil(
                        "the school's view", #"location.search.includes("school=") && document.readyState === "complete""#)
                    #expect(try await lastRow(of: "completions-table", on: page) == "0 of 1 (0%)")
                    #expect(try await chartText(on: page, id: "completions").contains("0 of 1 (0%)"))

                    // The refreshers page, linked from the dashboard: Rosa passed a minute ago, so
                    // none is due yet, and none was taken.
                    try await page.clickLink("a[href='/admin/dashboard/refreshers']")
                    try await page.waitUntil(
                        "the refreshers",
                        #"location.pathname === "/admin/dashboard/refreshers" && document.readyState === "complete""#)
                    #expect(try await page.documentStatus() == 200)
                    #expect(try await page.heading() != nil)
                    try await checkEveryImpact(page, named: "refreshers-390", shots: shots)
                    try await page.navigate(to: address + "/admin/dashboard")

                    // The item analysis, linked from the dashboard.
                    try await page.clickLink("a[href='/admin/item-analysis']")
                    try await page.waitUntil(
                        "the item analysis",
                        #"location.pathname === "/admin/item-analysis" && document.readyState === "complete""#)
                    #expect(try await chartTitle(on: page, id: "facility")?.hasPrefix("Facility per item") == true)
                    #expect(try await chartTitle(on: page, id: "confusion")?.hasPrefix("Situation categories") == true)
                    for table in ["facility-table", "confusion-table", "wrong-options-table", "critical-mistakes-table"] {
                        #expect(try await page.evaluate("document.querySelector('#\(table) caption') !== null").bool == true)
                    }
                    #expect(try await summary(on: page).contains("2 records analysed"))
                    #expect(try await misreadings(on: page) == 1)
                    try await checkEveryImpact(page, named: "item-analysis-390", shots: shots)

                    // Sam, Redwood's site administrator.
                    try await page.click("form.signed-in button")
                    try await page.waitUntil("signed out", #"document.querySelector("form.signed-in") === null"#)
                    try await page.navigate(to: address + "/admin/sign-in")
                    try await signIn(Self.site, on: page)
                    try await page.navigate(to: address + "/admin/item-analysis")
                    #expect(try await summary(on: page).contains("1 record analysed"))
                    #expect(try await misreadings(on: page) == 0)
                    #expect(try await page.evaluate("document.body.textContent.includes('\(Self.otherSchool)')").bool == false)
                    try await checkEveryImpact(page, named: "item-analysis-site-390", shots: shots)
                    for query in ["?school=Tamalpais%20High%20School", "?jurisdiction=marin&school=tamalpais+high+school"] {
                        try await page.navigate(to: address + "/admin/item-analysis" + query)
                        #expect(try await page.documentStatus() == 403, "\(query)")
                        #expect(try await page.evaluate("document.querySelector('svg') === null").bool == true, "\(query)")
                        #expect(try await misreadings(on: page) == 0, "\(query)")
                    }
                }
            }
        }

        /// The layout's checks (no serious or critical violation, nothing sideways, a screenshot),
        /// then axe-core's violations of every impact, minor and moderate too: none.
        private func checkEveryImpact(_ page: BrowserPage, named name: String, shots: Screenshots) async throws {
            try await shots.check(page, named: name)
            // axe-core is loaded by the check above.
            let found = try await page.evaluate(
                """
                axe.run(document, { resultTypes: ["violations"] }).then((results) => results.violations
                  .map((violation) => `${violation.id} (${violation.impact}): ${violation.help}: `
                    + violation.nodes.map((node) => node.target.join(" ")).join("; ")))
                """)
            #expect(found.array?.compactMap(\.string) == [], "\(name)")
        }

        /// Tab pressed and released, through Chromium's input pipeline.
        private func pressTab(on page: BrowserPage) async throws {
            for type in ["keyDown", "keyUp"] {
                _ = try await page.send(
                    "Input.dispatchKeyEvent",
                    ["type": .string(type), "key": "Tab", "code": "Tab", "windowsVirtualKeyCode": .number(9)])
            }
        }

        private func signIn(_ name: String, on page: BrowserPage) async throws {
            try await page.type(name, into: "#name")
            try await page.type(Self.password, into: "#password")
            try await page.click("form[action='/admin/sign-in'] button")
            try await page.waitUntil(
                "the administrator's page", timeout: .seconds(30),
                #"location.pathname === "/admin" && document.readyState === "complete""#)
        }

        /// The title of the chart `id` as the browser reads it: the SVG's, named by `aria-labelledby`.
        private func chartTitle(on page: BrowserPage, id: String) async throws -> String? {
            try await page.evaluate(
                """
                (() => { const svg = document.querySelector('#\(id) svg[role=img]');
                  if (!svg) return null;
                  const first = svg.getAttribute('aria-labelledby').split(' ')[0];
                  return document.getElementById(first).textContent; })()
                """
            ).string
        }

        /// Every text drawn in the chart `id`.
        private func chartText(on page: BrowserPage, id: String) async throws -> String {
            try await page.evaluate("document.querySelector('#\(id) svg').textContent").string ?? ""
        }

        /// The last cell of the last body row of table `id`.
        private func lastRow(of id: String, on page: BrowserPage) async throws -> String? {
            try await page.evaluate(
                "(() => { const rows = document.querySelectorAll('#\(id) tbody tr'); "
                    + "const cells = rows[rows.length - 1].querySelectorAll('td'); return cells[cells.length - 1].textContent; })()"
            ).string
        }

        private func summary(on page: BrowserPage) async throws -> String {
            try await page.evaluate("document.querySelector('#analysis-summary').textContent").string ?? ""
        }

        /// The confusion table's off-diagonal counts, summed: each a misread situation.
        private func misreadings(on page: BrowserPage) async throws -> Int? {
            try await page.evaluate(
                """
                (() => { let total = 0;
                  document.querySelectorAll('#confusion-table tbody tr').forEach((row, r) => {
                    row.querySelectorAll('td').forEach((cell, c) => { if (c !== r) total += Number(cell.textContent); });
                  });
                  return total; })()
                """
            ).number.map { Int($0) }
        }
    }
}

import Accounts
import Charts
import DistrictServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Records
import Storage
import TestSupport
import Testing

/// The compliance dashboard over HTTP: its counts are the compliance report's rows counted by
/// school and role, the filters change them, the CSV is the view's rows, and a site
/// administrator sees their school only (by the form, the URL or the CSV).
@Suite(.serialized)
struct ComplianceDashboardTests {
    static let asOf = CalendarDate(year: 2026, month: 10, day: 1)!

    /// The report the dashboard must count: Rosa complete, Marcus overdue, Lena due.
    static func report(_ fixture: AdministrationFixture) async throws -> [ComplianceReport.Row] {
        let rows = try await fixture.records.complianceReport(
            for: SchoolYear("2026-2027")!, asOf: CalendarDate(year: 2026, month: 10, day: 1)!,
            roster: try await fixture.rosters.roster()
        ).report.rows
        let statuses = Dictionary(uniqueKeysWithValues: rows.map { ($0.name, $0.status) })
        #expect(statuses == ["Rosa Delgado": .complete, "Lena Park": .due, "Marcus Bell": .overdue])
        return rows
    }

    /// The row a tally table should show for `rows`: the group, people, and each status as
    /// "count (percent%)", counted here from the report's rows.
    static func expectedRow(_ name: String, _ rows: [ComplianceReport.Row]) -> [String] {
        let statuses: [ComplianceReport.Status] = [.complete, .due, .overdue]
        return [name, "\(rows.count)"]
            + statuses.map { status in
                let count = rows.count(where: { $0.status == status })
                return "\(count) (\(Int((Double(count) * 100 / Double(rows.count)).rounded()))%)"
            }
    }

    @Test func theCountsAreTheReportsRowsBySchoolAndRole() async throws {
        let fixture = try await AdministrationFixture()
        defer { fixture.remove() }
        try await fixture.storeRosasRecord()
        let rows = try await Self.report(fixture)
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            _ = try await browser.signInAsAdministrator()
            let page = try await browser.get("/admin/dashboard")
            #expect(page.status == .ok)
            for school in Set(rows.compactMap(\.school)) {
                let expected = Self.expectedRow(school, rows.filter { $0.school == school })
                #expect(HTMLTable.bodyRows(in: page.body, id: "by-school").contains(expected), "\(expected)")
            }
            for role in Set(rows.compactMap(\.role)) {
                let expected = Self.expectedRow(role, rows.filter { $0.role == role })
                #expect(HTMLTable.bodyRows(in: page.body, id: "by-role").contains(expected), "\(expected)")
            }
            #expect(HTMLTable.rows(in: page.body, id: "by-school").last == Self.expectedRow("All in this view", rows))
            // Rosa's record names her district; the roster names none.
            let districts = Set(rows.map(\.district)).map { district in
                Self.expectedRow(district ?? "None given", rows.filter { $0.district == district })
            }
            #expect(Set(HTMLTable.bodyRows(in: page.body, id: "by-district")) == Set(districts))
            #expect(page.body.contains("This view (everyone): 3 people. 1 complete (33%), 1 due (33%), 1 overdue (33%)."))
            #expect(page.body.contains(#"<caption id="by-school-caption">By school</caption>"#))
            // The chart of completions by week against the deadline, and its table, of the view's rows.
            let series = CompletionsOverTime(rows: rows, asOf: Self.asOf)
            #expect(page.body.contains(#"<title id="completions-title">\#(series.chart.title)</title>"#))
            #expect(HTMLTable.bodyRows(in: page.body, id: "completions-table") == series.chart.table.rows)
            // A count drills down to its people: the school's overdue.
            #expect(page.body.contains(#"href="/admin/dashboard?school=Redwood%20High%20School&amp;status=overdue#people""#))
        }
    }

    struct View: CustomTestStringConvertible, Sendable {
        var query: String
        var people: [String]
        var testDescription: String { query }
    }

    /// Each filter narrows the counts and the people to those the report gives for it.
    static let views = [
        View(query: "", people: ["Rosa Delgado", "Marcus Bell", "Lena Park"]),
        View(query: "?status=overdue", people: ["Marcus Bell"]),
        View(query: "?role=teacher", people: ["Rosa Delgado", "Lena Park"]),
        View(query: "?school=Tamalpais%20High%20School", people: ["Lena Park"]),
        // As a browser sends the form: a space as +.
        View(query: "?district=&school=Redwood+High+School&role=&status=", people: ["Rosa Delgado", "Marcus Bell"]),
        View(query: "?school=Redwood%20High%20School&role=Teacher&status=complete", people: ["Rosa Delgado"]),
        View(query: "?status=due&role=Counselor", people: []),
    ]

    @Test(arguments: views)
    func filtersChangeTheCountsAndTheCSVIsTheView(_ view: View) async throws {
        let fixture = try await AdministrationFixture()
        defer { fixture.remove() }
        try await fixture.storeRosasRecord()
        let rows = try await Self.report(fixture)
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            _ = try await browser.signInAsAdministrator()
            let page = try await browser.get("/admin/dashboard" + view.query)
            let people = HTMLTable.bodyRows(in: page.body, id: "people-table")
            #expect(Set(people.map { $0[0] }) == Set(view.people))
            let shown = rows.filter { view.people.contains($0.name) }
            let total = HTMLTable.rows(in: page.body, id: "by-school").last
            #expect(
                total
                    == (shown.isEmpty
                        ? ["All in this view", "0", "0 (0%)", "0 (0%)", "0 (0%)"] : Self.expectedRow("All in this view", shown)))

            // The chart of completions is the view's: the filters change it as they change the counts.
            let series = CompletionsOverTime(rows: shown, asOf: Self.asOf)
            #expect(series.people == view.people.count)
            #expect(HTMLTable.bodyRows(in: page.body, id: "completions-table") == series.chart.table.rows)
            let figures = try await browser.get("/admin/dashboard/completions.csv" + view.query)
            #expect(figures.status == .ok && figures.body == series.chart.table.csv)

            let csv = try await browser.get("/admin/dashboard.csv" + view.query)
            #expect(csv.status == .ok && csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.cacheControl] == "no-store")
            let lines = HTMLTable.csvRows(csv.body)
            #expect(lines.first == ["name", "employee id", "district", "school", "role", "status", "due", "completed"])
            #expect(Array(lines.dropFirst()) == people, "the CSV holds exactly the rows on screen")
        }
    }

    /// Sam, the site administrator of Redwood High School, sees its people only, and is refused
    /// Tamalpais High School's, whether asked by the form's query, the CSV or the staff page, and
    /// the whole district's audit log and records download.
    @Test func aSiteAdministratorSeesOnlyTheirSchool() async throws {
        let fixture = try await AdministrationFixture()
        defer { fixture.remove() }
        try await fixture.addSiteAdministrator()
        try await fixture.storeRosasRecord()
        let other = "Tamalpais%20High%20School"
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            let overview = try await browser.signInAsAdministrator(AdministrationFixture.siteAdministrator)
            #expect(overview.body.contains("<dt>Rostered staff</dt>\n<dd>2</dd>"))
            #expect(!overview.body.contains("/admin/records/export") && !overview.body.contains(#"href="/admin/audit""#))

            let page = try await browser.get("/admin/dashboard")
            let people = HTMLTable.bodyRows(in: page.body, id: "people-table").map { $0[0] }
            #expect(Set(people) == ["Rosa Delgado", "Marcus Bell"])
            #expect(!page.body.contains("Tamalpais High School"), "another school is not even offered")
            let csv = try await browser.get("/admin/dashboard.csv")
            #expect(!csv.body.contains("Lena Park") && csv.body.contains("Marcus Bell"))
            let staff = try await browser.get("/admin/staff")
            #expect(staff.body.contains("Marcus Bell") && !staff.body.contains("Lena Park"))

            for path in [
                "/admin/dashboard?school=\(other)", "/admin/dashboard?school=tamalpais%20high%20school&status=due",
                "/admin/dashboard.csv?school=\(other)", "/admin/staff?school=\(other)", "/admin/audit",
            ] {
                let refused = try await browser.get(path)
                #expect(refused.status == .forbidden && !refused.body.contains("Lena Park"), "\(path)")
            }
            let token = try #require(page.field("csrf_token"))
            let export = try await browser.post("/admin/records/export", [("csrf_token", token)])
            #expect(export.status == .forbidden && export.body.contains("district administrators"))
            let reminders = try await browser.post(
                "/admin/dashboard/reminders", [("csrf_token", token), ("school", "Tamalpais High School")])
            #expect(reminders.status == .forbidden && !reminders.body.contains("Lena Park"))
        }
        let events = try await fixture.auditEvents()
        #expect(events.allSatisfy { $0.action != .recordsExported && $0.action != .invitationsIssued })
        let signIn = try #require(events.last { $0.action == .signedIn })
        #expect(signIn.actor == AdministrationFixture.siteAdministrator)
        #expect(signIn.detail == "password, as site administrator of Redwood High School")
    }

    /// The reminders of the whole district go to Marcus (overdue) and Lena (due), not Rosa: a
    /// CSV with a link each that signs them in, written to the audit log with the role.
    @Test func remindersGiveThoseDueOrOverdueALinkAndAreAudited() async throws {
        let fixture = try await AdministrationFixture()
        defer { fixture.remove() }
        try await fixture.storeRosasRecord()
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            _ = try await browser.signInAsAdministrator()
            let page = try await browser.get("/admin/dashboard")
            let token = try #require(page.field("csrf_token"))
            let csv = try await browser.post("/admin/dashboard/reminders", [("csrf_token", token)])
            #expect(csv.status == .ok && csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.cacheControl] == "no-store")
            #expect(csv.headers[.contentDisposition] == #"attachment; filename="reminders-2026-10-01.csv""#)
            let lines = HTMLTable.csvRows(csv.body)
            #expect(lines.first == ["name", "email", "employee id", "school", "role", "status", "due", "link", "expires"])
            let rows = lines.dropFirst()
            #expect(
                rows.map { [$0[0], $0[2], $0[5], $0[6]] } == [
                    ["Marcus Bell", "E-2", "overdue", "2026-08-12"], ["Lena Park", "E-3", "due", "2026-11-01"],
                ])
            #expect(rows.allSatisfy { $0[8] == "2026-10-15" })
            let links = rows.map { $0[7] }
            #expect(links.allSatisfy { $0.wholeMatch(of: /http:\/\/localhost\/invitation\/[A-Za-z0-9_-]{43}/) != nil })

            // Marcus's link signs him in.
            var marcus = TestBrowser(client)
            let signedIn = try await marcus.get(try #require(links.first).replacing("http://localhost", with: ""))
            #expect(signedIn.path == "/training" && signedIn.body.contains("Marcus Bell"))
        }
        let issued = try #require(try await fixture.auditEvents().last { $0.action == .invitationsIssued })
        #expect(issued.actor == AdministrationFixture.administrator)
        #expect(issued.detail.hasPrefix("2 invitation(s), valid until "))
        #expect(
            issued.detail.hasSuffix(
                ": reminders of the compliance dashboard to the people due or overdue of everyone, as district administrator"))
    }

    /// Someone with a failed attempt who is not on the roster is overdue in the view, but gets no
    /// link: the form says so, and the reminders go to the rostered people only.
    @Test func peopleNotOnTheRosterGetNoReminder() async throws {
        let fixture = try await AdministrationFixture()
        defer { fixture.remove() }
        try await fixture.storeRosasRecord()
        _ = try await fixture.records.saveOnce(
            SampleRecords.record(
                name: "Jo Visitor", employeeID: "X-9", school: "Redwood High School", completed: "2026-09-20T10:00:00-07:00",
                percent: 50, passed: false))
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            _ = try await browser.signInAsAdministrator()
            let page = try await browser.get("/admin/dashboard?school=Redwood%20High%20School&status=overdue")
            #expect(Set(HTMLTable.bodyRows(in: page.body, id: "people-table").map { $0[0] }) == ["Marcus Bell", "Jo Visitor"])
            #expect(page.body.contains("1 of them is not on the staff roster and gets none."))
            let token = try #require(page.field("csrf_token"))
            let csv = try await browser.post(
                "/admin/dashboard/reminders",
                [("csrf_token", token), ("school", "Redwood High School"), ("status", "overdue")])
            #expect(HTMLTable.csvRows(csv.body).dropFirst().map { $0[0] } == ["Marcus Bell"])
        }
    }

    /// A site administrator's reminders go to their school's people only, and a view without
    /// anyone due or overdue issues no link.
    @Test func aSiteAdministratorsRemindersAreOfTheirSchool() async throws {
        let fixture = try await AdministrationFixture()
        defer { fixture.remove() }
        try await fixture.addSiteAdministrator()
        try await fixture.storeRosasRecord()
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            _ = try await browser.signInAsAdministrator(AdministrationFixture.siteAdministrator)
            let page = try await browser.get("/admin/dashboard")
            let token = try #require(page.field("csrf_token"))
            let csv = try await browser.post("/admin/dashboard/reminders", [("csrf_token", token)])
            #expect(HTMLTable.csvRows(csv.body).dropFirst().map { $0[0] } == ["Marcus Bell"])
            let none = try await browser.post(
                "/admin/dashboard/reminders", [("csrf_token", token), ("status", "complete")])
            #expect(none.status == .ok && none.body.contains("no link was issued"))
            let forged = try await browser.post("/admin/dashboard/reminders", [])
            #expect(forged.status == .forbidden, "no CSRF token")
        }
        let issued = try await fixture.auditEvents().filter { $0.action == .invitationsIssued }
        #expect(issued.count == 1)
        #expect(issued.first?.detail.hasSuffix(", as site administrator of Redwood High School") == true)
    }
}

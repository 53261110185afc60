import Accounts
import DistrictServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RecordStore
import Records
import Storage
import TestSupport
import Testing

/// The administrators' area over HTTP: the overview's figures from the compliance report, the
/// staff list by school, the audit log newest first, and who may open it.
@Suite(.serialized)
struct AdministrationAreaTests {
    /// The overview counts what `records report` reports for the same roster and day: Rosa
    /// complete, Lena due (hired in September), Marcus overdue.
    @Test func theOverviewShowsTheComplianceReportsFigures() async throws {
        let fixture = try await AdministrationFixture()
        defer { fixture.remove() }
        try await fixture.storeRosasRecord()
        let report = try await fixture.records.complianceReport(
            for: SchoolYear("2026-2027")!, asOf: CalendarDate(year: 2026, month: 10, day: 1)!,
            roster: try await fixture.rosters.roster()
        ).report
        let statuses = Dictionary(uniqueKeysWithValues: report.rows.map { ($0.name, $0.status) })
        #expect(statuses == ["Rosa Delgado": .complete, "Lena Park": .due, "Marcus Bell": .overdue])
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            let overview = try await browser.signInAsAdministrator()
            #expect(overview.path == "/admin" && overview.status == .ok)
            let figures = [
                ("Rostered staff", AdministrationFixture.staff.count),
                ("Completed", report.rows.count(where: { $0.status == .complete })),
                ("Due", report.rows.count(where: { $0.status == .due })),
                ("Overdue", report.rows.count(where: { $0.status == .overdue })),
            ]
            for (term, count) in figures {
                #expect(overview.body.contains("<dt>\(term)</dt>\n<dd>\(count)</dd>"), "\(term): \(count)")
            }
            #expect(overview.body.contains("School year 2026-2027"))
            for link in ["/admin/staff", "/admin/audit", "/admin/group-session"] {
                #expect(overview.body.contains(#"href="\#(link)""#), "links to \(link)")
            }
            #expect(overview.body.contains(#"action="/admin/records/export""#))
        }
    }

    @Test func theStaffListShowsEachPersonsStatusAndFiltersBySchool() async throws {
        let fixture = try await AdministrationFixture()
        defer { fixture.remove() }
        try await fixture.storeRosasRecord()
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            _ = try await browser.signInAsAdministrator()
            let everyone = try await browser.get("/admin/staff")
            #expect(everyone.body.contains("<caption") && everyone.body.contains(#"<th scope="col">Status</th>"#))
            for member in AdministrationFixture.staff { #expect(everyone.body.contains(member.name)) }
            #expect(everyone.body.contains(#"<th scope="row">Rosa Delgado</th>"#))
            #expect(everyone.body.contains("<td>Completed</td>") && everyone.body.contains("<td>Overdue</td>"))

            let redwood = try await browser.get("/admin/staff?school=Redwood%20High%20School")
            #expect(redwood.body.contains("Rosa Delgado") && redwood.body.contains("Marcus Bell"))
            #expect(!redwood.body.contains("Lena Park"))
            #expect(redwood.body.contains(#"<option value="Redwood High School" selected>"#))
            // The form as a browser sends it: a space as +.
            let sent = try await browser.get("/admin/staff?school=Redwood+High+School")
            #expect(sent.body.contains("Marcus Bell") && !sent.body.contains("Lena Park"))
        }
    }

    struct Door: CustomTestStringConvertible, Sendable {
        var method: HTTPRequest.Method
        var path: String
        var testDescription: String { "\(method) \(path)" }
    }

    static let doors = [
        Door(method: .get, path: "/admin"), Door(method: .get, path: "/admin/staff"), Door(method: .get, path: "/admin/audit"),
        Door(method: .post, path: "/admin/records/export"),
    ]

    /// Staff signed in get 403; nobody signed in is sent to the administrators' sign-in.
    @Test(arguments: doors)
    func onlyAdministratorsGetIn(_ door: Door) async throws {
        let fixture = try await AdministrationFixture()
        defer { fixture.remove() }
        let link = try await fixture.invitationPath()
        try await fixture.application.test(.router) { client in
            var staff = TestBrowser(client)
            let training = try await staff.get(link)
            let token = try #require(training.field("csrf_token"))
            let page =
                door.method == .get
                ? try await staff.get(door.path) : try await staff.post(door.path, [("csrf_token", token)])
            #expect(page.status == .forbidden && page.body.contains("for administrators"))

            let visitor = TestBrowser(client)
            if door.method == .get {
                let response = try await client.execute(uri: door.path, method: .get)
                #expect(response.status == .seeOther && response.headers[.location] == "/admin/sign-in")
            } else {
                #expect(try await visitor.sending(door.path, []).status == .forbidden, "no form token")
            }
        }
        #expect(try await fixture.auditEvents().allSatisfy { $0.action != .recordsExported })
    }

    /// Sign-ins are listed newest first, with the client's address.
    @Test func theAuditLogListsSignInsNewestFirst() async throws {
        let fixture = try await AdministrationFixture()
        defer { fixture.remove() }
        let link = try await fixture.invitationPath()
        try await fixture.application.test(.router) { client in
            var staff = TestBrowser(client)
            _ = try await staff.get(link)
            var browser = TestBrowser(client)
            _ = try await browser.signInAsAdministrator()
            let audit = try await browser.get("/admin/audit")
            #expect(audit.status == .ok && audit.body.contains(#"<caption id="audit-caption">"#))
            let administrator = try #require(audit.body.range(of: "<td>\(AdministrationFixture.administrator)</td>"))
            let trainee = try #require(audit.body.range(of: "<td>\(AdministrationFixture.staff[0].name)</td>"))
            #expect(administrator.lowerBound < trainee.lowerBound, "the administrator signed in last: listed first")
            let rows = audit.body.components(separatedBy: "<tr><td>").dropFirst()
            #expect(rows.first?.contains("<td>signed in</td><td>\(AdministrationFixture.administrator)</td>") == true)
        }
        let actions = try await fixture.auditEvents().map(\.action)
        #expect(actions.filter { $0 == .signedIn }.count == 2)
    }

    /// Past one page, the audit log pages on: the newest 50 first, then the older ones.
    @Test func theAuditLogIsPaged() async throws {
        let fixture = try await AdministrationFixture()
        defer { fixture.remove() }
        let perPage = DistrictServer.auditEntriesPerPage
        for number in 1...perPage {
            try await fixture.accounts.record(
                AuditEvent(
                    at: AdministrationFixture.today.date, action: .invitationRevoked, actor: "test", detail: "entry \(number)"))
        }
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            _ = try await browser.signInAsAdministrator()
            let first = try await browser.get("/admin/audit")
            // 1 administrator added, 50 entries, 1 sign-in: 52.
            #expect(first.body.contains("entries 1 to \(perPage) of \(perPage + 2)"))
            #expect(first.body.contains(#"href="/admin/audit?page=2""#) && !first.body.contains("administrator added"))
            let second = try await browser.get("/admin/audit?page=2")
            #expect(second.body.contains("administrator added") && second.body.contains("<td>entry 1</td>"))
            #expect(!second.body.contains("<td>entry 2</td>") && second.body.contains(#"href="/admin/audit?page=1""#))
        }
    }
}

import Accounts
import Charts
import Completion
import Foundation
import Hummingbird
import Records
import Storage

/// The compliance dashboard of the administrators' area (``DashboardPage``), its own address
/// beside the overview: its URL is the view (the filters in the query), so a view can be
/// bookmarked and sent, and its CSV and reminders are of the same query.
///
/// - `GET /admin/dashboard[?district=…&school=…&role=…&status=…]`: the view;
/// - `GET /admin/dashboard.csv[?…]`: the people of the same view as CSV, exactly the rows on screen;
/// - `GET /admin/dashboard/completions.csv[?…]`: the figures of the view's chart of completions
///   over time (``CompletionsOverTime``) as CSV;
/// - `POST /admin/dashboard/reminders` (the filters as form fields, and the CSRF token): a new
///   sign-in link for each person of the view due or overdue, as a mail-merge CSV; the issue is
///   written to the audit log before the file is sent.
///
/// A site administrator sees their school only; a view naming another school is refused (403).
extension DistrictServer {
    /// How long the links of reminders work, in days (the default of `serve invite`).
    public static let reminderLinkDays = 14

    func addDashboardRoutes(to router: Router<DistrictRequestContext>) {
        router.get("/admin/dashboard") { request, context in
            let filter = DashboardFilter { request.formQuery[$0] }
            return try await asDashboardViewer(context, filter: filter) { session, administrator, report, dashboard in
                let gain = await knowledgeGain(seenBy: administrator.role)
                return PageResponse.page(
                    DashboardPage.page(
                        dashboard, report: report, role: administrator.role, reminderDays: Self.reminderLinkDays,
                        session: session, gain: gain, categoryNames: categoryNames))
            }
        }
        router.get("/admin/dashboard.csv") { request, context in
            let filter = DashboardFilter { request.formQuery[$0] }
            return try await asDashboardViewer(context, filter: filter) { _, _, report, dashboard in
                var response = PageResponse.download(
                    Array(dashboard.csv.utf8), contentType: "text/csv; charset=utf-8",
                    fileName: "compliance-\(report.found.report.asOf).csv")
                response.headers[.cacheControl] = "no-store"
                return response
            }
        }
        router.get("/admin/dashboard/completions.csv") { request, context in
            let filter = DashboardFilter { request.formQuery[$0] }
            return try await asDashboardViewer(context, filter: filter) { _, _, report, dashboard in
                let series = CompletionsOverTime(rows: dashboard.rows, asOf: report.found.report.asOf)
                var response = PageResponse.download(
                    Array(series.chart.table.csv.utf8), contentType: "text/csv; charset=utf-8",
                    fileName: "completions-\(report.found.report.asOf).csv")
                response.headers[.cacheControl] = "no-store"
                return response
            }
        }
        router.post("/admin/dashboard/reminders") { request, context in
            let filter = DashboardFilter { context.form[$0] }
            let host = request.head.authority
            return try await asDashboardViewer(context, filter: filter) { session, administrator, _, dashboard in
                try await reminders(
                    dashboard, by: administrator, host: host, session: session, context: context)
            }
        }
    }

    /// Runs `body` for an administrator with the view `filter` asks for, of the rows they may see;
    /// a site administrator whose filter names another school is refused.
    private func asDashboardViewer(
        _ context: DistrictRequestContext, filter: DashboardFilter,
        _ body: (WebSession, SignedInAdministrator, AdministrationPages.Report, ComplianceDashboard) async throws -> Response
    ) async throws -> Response {
        try await asAdministrator(context) { session, administrator in
            if let school = filter.school, !administrator.role.covers(school: school) {
                return Self.otherSchool(administrator, session: session)
            }
            let report = try await districtReport().seen(by: administrator.role)
            let dashboard = ComplianceDashboard(rows: report.rows, role: administrator.role, filter: filter)
            return try await body(session, administrator, report, dashboard)
        }
    }

    /// Issues the reminders of `dashboard` and sends them as a mail-merge CSV (never stored: the
    /// links exist only in this response).
    private func reminders(
        _ dashboard: ComplianceDashboard, by administrator: SignedInAdministrator, host: String?, session: WebSession,
        context: DistrictRequestContext
    ) async throws -> Response {
        guard let accounts else {
            return PageResponse.page(
                ErrorPages.unavailable("This server keeps no accounts, so it cannot issue sign-in links."),
                status: .serviceUnavailable)
        }
        let list = ReminderList(dashboard, roster: try await accounts.rosteredStaff(.everyone))
        guard !list.staff.isEmpty else {
            return PageResponse.page(DashboardPage.nobodyToRemind(notOnRoster: list.notOnRoster, session: session))
        }
        // The address staff open: the server's public address, else the one this request was sent to.
        guard let base = publicURL ?? origin.origin(host: host).flatMap({ try? InvitationLink.publicURL($0) }) else {
            return PageResponse.page(
                ErrorPages.unavailable(
                    "The server does not know the address staff open it at, so it cannot make sign-in links. "
                        + "Give the server its public address."),
                status: .serviceUnavailable)
        }
        let time = now()
        let issued = try await accounts.issueInvitations(
            to: list.staff, expiresAt: time + Double(Self.reminderLinkDays) * 24 * 60 * 60, publicURL: base, now: time,
            by: administrator.name,
            purpose: "reminders of the compliance dashboard to the people due or overdue of \(dashboard.filter.words), "
                + administrator.auditWords)
        var response = PageResponse.download(
            Array(list.csv(issued, timeZone: training.clock.timeZone).utf8), contentType: "text/csv; charset=utf-8",
            fileName: "reminders-\(CalendarDate(time, utcOffsetSeconds: training.clock.timeZone.secondsFromGMT(for: time))).csv")
        response.headers[.cacheControl] = "no-store"
        return response
    }
}

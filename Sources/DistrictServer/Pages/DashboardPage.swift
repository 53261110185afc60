import Accounts
import ItemAnalysis
import Records
import Storage

/// The compliance dashboard: the filters (a GET form), the view's complete, due and overdue
/// counts and percentages per district, school and role (each count a link to its people), the
/// people of the view with the download of the same rows as CSV, and the form that issues
/// reminders to those due or overdue.
enum DashboardPage {
    static func page(
        _ dashboard: ComplianceDashboard, report: AdministrationPages.Report, role: AdministratorRole,
        reminderDays: Int, session: WebSession, gain: KnowledgeGainReport? = nil, categoryNames: [String: String] = [:]
    ) -> Page {
        let total = dashboard.total
        let scope =
            role == .district
            ? "You see every school." : "You are the \(role.words): you see your school's people only."
        return Page(
            title: "Compliance dashboard",
            main: """
                <h1>Compliance dashboard</h1>
                <p>\(HTML.text(report.period)). \(HTML.text(scope)) <a href="/admin">Back to the overview</a></p>
                <p><a href="/admin/item-analysis">Item analysis: what staff get wrong, question by question</a></p>
                \(report.hasRoster ? "" : "<p>No staff roster is imported: only people with records are counted.</p>")
                \(filters(dashboard, role: role))
                <p role="status" id="view-summary">\(HTML.text(summary(total, filter: dashboard.filter)))</p>
                \(tallyTable("district", "By district", dashboard.tallies(by: \.district), dashboard: dashboard) { $0.district = $1 })
                \(tallyTable("school", "By school", dashboard.tallies(by: \.school), dashboard: dashboard) { $0.school = $1 })
                \(tallyTable("role", "By role", dashboard.tallies(by: \.role), dashboard: dashboard) { $0.role = $1 })
                \(completions(CompletionsOverTime(rows: dashboard.rows, asOf: report.found.report.asOf), filter: dashboard.filter))
                \(KnowledgeGainSection.html(gain, categoryNames: categoryNames))
                \(people(dashboard, reminderDays: reminderDays, session: session))
                \(RefresherSection.dashboardLink)
                """, session: session)
    }

    /// "This view: 12 people. 8 complete (67%), 3 due (25%), 1 overdue (8%)."
    static func summary(_ total: ComplianceDashboard.Tally, filter: DashboardFilter) -> String {
        "This view (\(filter.words)): \(total.total) \(total.total == 1 ? "person" : "people"). "
            + "\(total.complete) complete (\(total.percent(.complete))%), \(total.due) due (\(total.percent(.due))%), "
            + "\(total.overdue) overdue (\(total.percent(.overdue))%)."
    }

    /// The chart of the view's completions by week against the deadline, its table, and the
    /// table as CSV.
    private static func completions(_ series: CompletionsOverTime, filter: DashboardFilter) -> String {
        """
        <h2 id="completions-heading">Completions over time</h2>
        <p>Each person's weeks count from the start of the school year, or from their hire date when hired during it; \
        the dashed line is the deadline. <a href="\(HTML.text("/admin/dashboard/completions.csv" + filter.query))" \
        download>Download the chart's figures as CSV</a>.</p>
        \(ChartFigure.html(series.chart, id: "completions"))
        """
    }

    /// The GET form of the filters: it works without scripts, and its URL is the view's.
    private static func filters(_ dashboard: ComplianceDashboard, role: AdministratorRole) -> String {
        let filter = dashboard.filter
        let statuses: [ComplianceReport.Status] = [.complete, .due, .overdue]
        return """
            <form method="get" action="/admin/dashboard" aria-label="Filters">
            \(select("district", "District", all: "All districts", choices: dashboard.choices(\.district), chosen: filter.district))
            \(select("school", "School", all: role == .district ? "All schools" : "Your school", choices: dashboard.choices(\.school), chosen: filter.school))
            \(select("role", "Role", all: "All roles", choices: dashboard.choices(\.role), chosen: filter.role))
            \(select("status", "Status", all: "Any status", choices: statuses.map(\.rawValue), chosen: filter.status?.rawValue))
            <div class="actions"><button type="submit" class="secondary">Show</button>\
            <a href="/admin/dashboard">Clear the filters</a></div>
            </form>
            """
    }

    private static func select(_ name: String, _ label: String, all: String, choices: [String], chosen: String?) -> String {
        let options =
            [#"<option value="">\#(HTML.text(all))</option>"#]
            + choices.map { choice in
                let selected = chosen.map { MatchingText.folded($0) == MatchingText.folded(choice) } == true ? " selected" : ""
                return #"<option value="\#(HTML.text(choice))"\#(selected)>\#(HTML.text(choice))</option>"#
            }
        return """
            <div class="field"><label for="\(name)">\(label)</label>
            <select id="\(name)" name="\(name)">
            \(options.joined(separator: "\n"))
            </select></div>
            """
    }

    /// A table of the view's counts by one group, each count a link to the people it counts.
    private static func tallyTable(
        _ id: String, _ caption: String, _ tallies: [ComplianceDashboard.Tally], dashboard: ComplianceDashboard,
        narrow: @escaping (inout DashboardFilter, String) -> Void
    ) -> String {
        let statuses: [ComplianceReport.Status] = [.complete, .due, .overdue]
        func cells(_ tally: ComplianceDashboard.Tally, filter: DashboardFilter?, of group: String) -> String {
            statuses.map { status in
                let count = tally.count(status)
                let figure = "\(count) (\(tally.percent(status))%)"
                guard let filter, count > 0 else { return "<td>\(figure)</td>" }
                let link = "/admin/dashboard" + filter.with { $0.status = status }.query + "#people"
                let label = "\(count) \(ComplianceDashboard.statusWords(status)), \(group): show them"
                return
                    #"<td><a href="\#(HTML.text(link))" aria-label="\#(HTML.text(label))">\#(count)</a> (\#(tally.percent(status))%)</td>"#
            }.joined()
        }
        let body = tallies.map { tally in
            let filter = tally.name.map { name in dashboard.filter.with { narrow(&$0, name) } }
            let name = tally.name ?? "None given"
            let header =
                filter.map { #"<a href="\#(HTML.text("/admin/dashboard" + $0.query + "#people"))">\#(HTML.text(name))</a>"# }
                ?? HTML.text(name)
            return #"<tr><th scope="row">\#(header)</th><td>\#(tally.total)</td>\#(cells(tally, filter: filter, of: name))</tr>"#
        }.joined(separator: "\n")
        let total = dashboard.total
        return """
            <div class="table" role="region" aria-labelledby="by-\(id)-caption" tabindex="0">
            <table id="by-\(id)">
            <caption id="by-\(id)-caption">\(HTML.text(caption))</caption>
            <thead><tr><th scope="col">\(HTML.text(id.prefix(1).uppercased() + id.dropFirst()))</th><th scope="col">People</th>\
            <th scope="col">Complete</th><th scope="col">Due</th><th scope="col">Overdue</th></tr></thead>
            <tbody>
            \(body)
            </tbody>
            <tfoot><tr><th scope="row">All in this view</th><td>\(total.total)</td>\
            \(cells(total, filter: dashboard.filter, of: "all in this view"))</tr></tfoot>
            </table>
            </div>
            """
    }

    /// The people of the view, the link to the same rows as CSV, and the reminders' form.
    private static func people(_ dashboard: ComplianceDashboard, reminderDays: Int, session: WebSession) -> String {
        let filter = dashboard.filter
        let rows = dashboard.rows.map { row in
            let cells = ComplianceDashboard.cells(row)
            return "<tr><th scope=\"row\">\(HTML.text(cells[0]))</th>"
                + cells.dropFirst().map { "<td>\(HTML.text($0))</td>" }.joined() + "</tr>"
        }.joined(separator: "\n")
        let headers = ComplianceDashboard.columns.map {
            #"<th scope="col">\#(HTML.text($0.prefix(1).uppercased() + $0.dropFirst()))</th>"#
        }
        .joined()
        let hidden = [
            ("district", filter.district), ("school", filter.school), ("role", filter.role), ("status", filter.status?.rawValue),
        ].compactMap { name, value in value.map { #"<input type="hidden" name="\#(name)" value="\#(HTML.text($0))">"# } }
            .joined(separator: "\n")
        let waiting = dashboard.needingReminder.count
        let unlisted = dashboard.needingReminder.count(where: { $0.roster == nil || $0.roster == .notOnRoster })
        let noLink =
            unlisted == 0
            ? ""
            : " \(unlisted) of them \(unlisted == 1 ? "is" : "are") not on the staff roster and get\(unlisted == 1 ? "s" : "") none."
        let reminders =
            waiting == 0
            ? "<p>No one in this view is due or overdue: there is no one to remind.</p>"
            : """
            <form method="post" action="/admin/dashboard/reminders">
            \(HTML.csrfField(session.csrfToken))
            \(hidden)
            <p>A mail-merge file (CSV) of the \(waiting) \(waiting == 1 ? "person" : "people") due or overdue in this view, \
            each with a new personal sign-in link that works once within \(reminderDays) days. A new link withdraws \
            the person's earlier one.\(noLink) The links are shown only in this file: \
            keep it safe and delete it once sent. Issuing them is written to the audit log with your name.</p>
            <div class="actions"><button type="submit">Download reminders with sign-in links</button></div>
            </form>
            """
        return """
            <h2 id="people" tabindex="-1">People in this view</h2>
            <p><a href="\(HTML.text("/admin/dashboard.csv" + filter.query))" download>Download this view as CSV</a> \
            (the rows of the table below).</p>
            <div class="table" role="region" aria-labelledby="people-caption" tabindex="0">
            <table id="people-table">
            <caption id="people-caption">People in this view: \(dashboard.rows.count)</caption>
            <thead><tr>\(headers)</tr></thead>
            <tbody>
            \(rows)
            </tbody>
            </table>
            </div>
            <h2>Reminders</h2>
            \(reminders)
            """
    }
}

extension DashboardPage {
    /// The reminders asked for a view without anyone due or overdue on the roster.
    static func nobodyToRemind(notOnRoster: Int, session: WebSession) -> Page {
        let others =
            notOnRoster == 0
            ? ""
            : " \(notOnRoster) \(notOnRoster == 1 ? "person" : "people") due or overdue "
                + "\(notOnRoster == 1 ? "is" : "are") not on the staff roster, and a link goes only to people on it."
        return Page(
            title: "No reminders",
            main: """
                <h1>No reminders to send</h1>
                <p role="status">No one on the staff roster is due or overdue in this view: no link was issued.\(HTML.text(others))</p>
                <p><a href="/admin/dashboard">Back to the dashboard</a></p>
                """, session: session)
    }
}

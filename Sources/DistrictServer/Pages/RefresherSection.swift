import Accounts
import Completion
import Foundation
import Records

/// The refreshers of the administrators' area: on the dashboard, a link to them
/// (``dashboardLink``); on their own page, who is due one (with the form that sends them their
/// links) and who took one, with the share correct on their weak categories before and after.
enum RefresherSection {
    /// The dashboard's section: one line in ``DashboardPage``.
    static let dashboardLink = """
        <h2>Refreshers</h2>
        <p>Short refreshers on what each person got wrong, 3 and 9 weeks after they pass: \
        <a href="/admin/dashboard/refreshers">who is due one, who took one, and whether the weak area improved</a>.</p>
        """

    static func page(
        due: [RefreshersDue.Row], results: [RefresherResult], asOf: CalendarDate, reminderDays: Int, session: WebSession
    ) -> Page {
        Page(
            title: "Refreshers",
            main: """
                <h1>Refreshers</h1>
                <p>As of \(asOf). <a href="/admin/dashboard">Back to the dashboard</a></p>
                <h2>Due a refresher</h2>
                \(dueTable(due))
                \(due.isEmpty ? "" : reminderForm(reminderDays: reminderDays, session: session))
                <h2>Refreshers taken</h2>
                \(resultsTable(results))
                """, session: session)
    }

    private static func dueTable(_ due: [RefreshersDue.Row]) -> String {
        guard !due.isEmpty else { return "<p>Nobody is due a refresher.</p>" }
        let rows = due.map { row in
            "<tr><td>\(HTML.text(row.trainee.name))</td><td>\(HTML.text(row.trainee.school ?? ""))</td>"
                + "<td>\(row.passed)</td><td>\(row.number) of \(row.scheduled)</td><td>\(row.dueSince)</td></tr>"
        }
        return """
            <table id="refreshers-due"><caption>People due a refresher</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">School</th><th scope="col">Passed</th>\
            <th scope="col">Refresher</th><th scope="col">Due since</th></tr></thead>
            <tbody>\(rows.joined(separator: "\n"))</tbody></table>
            """
    }

    private static func reminderForm(reminderDays: Int, session: WebSession) -> String {
        """
        <form method="post" action="/admin/dashboard/refreshers/reminders">
        \(HTML.csrfField(session.csrfToken))
        <p>Each person due a refresher gets a new personal sign-in link that leads to it (their earlier link stops \
        working), working for \(reminderDays) days, in a mail-merge file.</p>
        <div class="actions"><button type="submit">Download the refresher links</button></div>
        </form>
        """
    }

    private static func resultsTable(_ results: [RefresherResult]) -> String {
        guard !results.isEmpty else { return "<p>Nobody has taken a refresher yet.</p>" }
        func share(_ share: WeakAreaShare) -> String {
            share.percent.map { "\($0)% (\(share.correct) of \(share.asked))" } ?? "none asked"
        }
        let rows = results.map { result in
            let improved = result.improved.map { $0 ? "yes" : "no" } ?? "not measured"
            return "<tr><td>\(HTML.text(result.trainee.name))</td><td>\(HTML.text(result.trainee.school ?? ""))</td>"
                + "<td>\(result.takenAt.calendarDate)</td><td>\(share(result.before))</td><td>\(share(result.after))</td>"
                + "<td>\(improved)</td></tr>"
        }
        return """
            <table id="refreshers-taken"><caption>Refreshers taken: share correct on each person's weak categories</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">School</th><th scope="col">Taken</th>\
            <th scope="col">In the passed training</th><th scope="col">In the refresher</th>\
            <th scope="col">Improved</th></tr></thead>
            <tbody>\(rows.joined(separator: "\n"))</tbody></table>
            """
    }
}

import Accounts
import Foundation
import Records
import Storage

/// The administrators' area: the overview of the school year's training, the staff list with
/// each person's status, the audit log, and the download of every record. Tables have a caption
/// and headers for screen readers, and scroll sideways in their own focusable region on a
/// narrow screen.
enum AdministrationPages {
    /// The compliance report the pages show, of the school year under way.
    struct Report {
        var found: VerifiedReport
        var schoolYear: SchoolYear
        /// Whether a staff roster is imported (the report then lists everyone on it).
        var hasRoster: Bool

        var rows: [ComplianceReport.Row] { found.report.rows }

        func count(_ status: ComplianceReport.Status) -> Int { rows.count(where: { $0.status == status }) }

        /// The people on the roster (matched by name and school or by employee id).
        var rosteredStaff: Int { rows.count(where: { $0.roster != nil && $0.roster != .notOnRoster }) }

        var period: String {
            "School year \(schoolYear) (from \(schoolYear.start)), as of \(found.report.asOf)"
        }

        /// The report as `role` may see it: a site administrator's school's rows only.
        func seen(by role: AdministratorRole) -> Report {
            var seen = self
            seen.found.report.rows = rows.filter { role.covers(school: $0.school) }
            return seen
        }
    }

    static func overview(_ report: Report, role: AdministratorRole, session: WebSession) -> Page {
        let staff =
            report.hasRoster
            ? "<dt>Rostered staff</dt>\n<dd>\(report.rosteredStaff)</dd>"
            : "<dt>Rostered staff</dt>\n<dd>No staff roster is imported: only people with records are counted.</dd>"
        let scope =
            role == .district
            ? "You are a district administrator: you see every school."
            : "You are the \(role.words): you see the people and records of your school only."
        return Page(
            title: "Administration",
            main: """
                <h1>Administration</h1>
                <p>\(HTML.text(report.period)). \(HTML.text(scope))</p>
                \(leftOut(report.found.problems.count))
                <h2>Training this school year</h2>
                <dl class="facts" id="overview">
                \(staff)
                <dt>Completed</dt>
                <dd>\(report.count(.complete))</dd>
                <dt>Due</dt>
                <dd>\(report.count(.due))</dd>
                <dt>Overdue</dt>
                <dd>\(report.count(.overdue))</dd>
                </dl>
                <ul>
                <li><a href="/admin/dashboard">Compliance dashboard: by district, school and role, with reminders</a></li>
                <li><a href="/admin/item-analysis">Item analysis: what staff get wrong, question by question</a></li>
                <li><a href="/admin/staff">Staff and their training status</a></li>
                \(role == .district ? #"<li><a href="/admin/audit">Audit log</a></li>"# : "")
                <li><a href="/admin/group-session">Run a group session</a></li>
                </ul>
                \(role == .district ? downloadAllRecords(session: session) : "")
                """, session: session)
    }

    /// The form that downloads every record (district administrators only).
    private static func downloadAllRecords(session: WebSession) -> String {
        """
        <h2>Download all records</h2>
        <p>Every record that verifies, each as its signed file, in one tar archive (.tar, which \
        an archive tool or <code>tar -xf</code> unpacks): the files the command line's records export \
        writes, which the records import of another installation verifies. Each download is written \
        to the audit log with your name.</p>
        <form method="post" action="/admin/records/export">
        \(HTML.csrfField(session.csrfToken))
        <div class="actions"><button type="submit">Download all records</button></div>
        </form>
        """
    }

    /// Everyone in the report, or those of `school`, with the form that chooses the school.
    static func staff(_ report: Report, school: String?, session: WebSession) -> Page {
        let schools = Set(report.rows.compactMap(\.school)).sorted()
        let options =
            ([#"<option value="">All schools</option>"#]
            + schools.map { name in
                let selected = name == school ? " selected" : ""
                return #"<option value="\#(HTML.text(name))"\#(selected)>\#(HTML.text(name))</option>"#
            }).joined(separator: "\n")
        let rows = report.rows.filter { school == nil || $0.school == school }
        let of = school.map { "Staff of \($0)" } ?? "All staff"
        let body = rows.map { row in
            let standing = row.roster.flatMap { $0 == .listed ? nil : " (\($0.words))" } ?? ""
            return """
                <tr><th scope="row">\(HTML.text(row.name))</th><td>\(HTML.text(row.school ?? ""))</td>\
                <td>\(HTML.text(statusWords(row.status) + standing))</td>\
                <td>\(HTML.text(row.completed?.description ?? ""))</td><td>\(HTML.text(row.dueDate.description))</td></tr>
                """
        }.joined(separator: "\n")
        return Page(
            title: "Staff",
            main: """
                <h1>Staff and their training status</h1>
                <p>\(HTML.text(report.period)). <a href="/admin">Back to the overview</a></p>
                \(leftOut(report.found.problems.count))
                <form method="get" action="/admin/staff">
                <div class="field"><label for="school">School</label>
                <select id="school" name="school">
                \(options)
                </select></div>
                <div class="actions"><button type="submit" class="secondary">Show</button></div>
                </form>
                <p>\(HTML.text(of)): \(rows.count) \(rows.count == 1 ? "person" : "people").</p>
                <div class="table" role="region" aria-labelledby="staff-caption" tabindex="0">
                <table>
                <caption id="staff-caption">\(HTML.text(of))</caption>
                <thead><tr><th scope="col">Name</th><th scope="col">School</th><th scope="col">Status</th>\
                <th scope="col">Completed</th><th scope="col">Due</th></tr></thead>
                <tbody>
                \(body)
                </tbody>
                </table>
                </div>
                """, session: session)
    }

    /// One page of the audit log (none when the server keeps no accounts), newest first: entries
    /// `page` (from 1) of `perPage` each.
    static func audit(
        _ trail: AuditTrail?, page: Int, perPage: Int, timeZone: TimeZone, session: WebSession
    ) -> Page {
        let newestFirst = Array((trail?.entries ?? []).reversed())
        let problems = trail?.problems ?? []
        let pages = max(1, (newestFirst.count + perPage - 1) / perPage)
        let page = min(max(1, page), pages)
        let shown = newestFirst.dropFirst((page - 1) * perPage).prefix(perPage)
        let style = Date.ISO8601FormatStyle(timeZone: timeZone)
        let body = shown.map { entry in
            let event = entry.event
            return """
                <tr><td>\(HTML.text(event.at.formatted(style)))</td><td>\(HTML.text(event.action.rawValue))</td>\
                <td>\(HTML.text(event.actor))</td><td>\(HTML.text(event.detail))</td>\
                <td>\(HTML.text(event.clientAddress ?? ""))</td></tr>
                """
        }.joined(separator: "\n")
        let broken =
            problems.isEmpty
            ? ""
            : #"<div class="alert" role="alert"><p>The audit log's chain is broken: lines were edited, removed or moved.</p><ul>"#
                + problems.map { "<li>\(HTML.text($0.description))</li>" }.joined() + "</ul></div>"
        var links: [String] = []
        if page > 1 { links.append(#"<a href="/admin/audit?page=\#(page - 1)">Newer entries</a>"#) }
        if page < pages { links.append(#"<a href="/admin/audit?page=\#(page + 1)">Older entries</a>"#) }
        let first = (page - 1) * perPage + 1
        let range = shown.isEmpty ? "no entries yet" : "entries \(first) to \(first + shown.count - 1) of \(newestFirst.count)"
        return Page(
            title: "Audit log",
            main: """
                <h1>Audit log</h1>
                <p>Sign-ins, record exports and administrative actions, newest first. The log is only ever \
                added to. <a href="/admin">Back to the overview</a></p>
                \(broken)
                <p>Page \(page) of \(pages): \(range).</p>
                <div class="table" role="region" aria-labelledby="audit-caption" tabindex="0">
                <table>
                <caption id="audit-caption">Audit log, page \(page) of \(pages)</caption>
                <thead><tr><th scope="col">When</th><th scope="col">What</th><th scope="col">Who</th>\
                <th scope="col">Detail</th><th scope="col">Client address</th></tr></thead>
                <tbody>
                \(body)
                </tbody>
                </table>
                </div>
                \(links.isEmpty ? "" : #"<nav aria-label="Audit log pages" class="actions">\#(links.joined(separator: "\n"))</nav>"#)
                """, session: session)
    }

    /// A staff member who opens the administrators' area.
    static func administratorsOnly(session: WebSession) -> Page {
        Page(
            title: "Administrators only",
            main: """
                <h1>This page is for administrators</h1>
                <p class="alert" role="alert">You are signed in as staff. Administrators sign in with their name \
                and password.</p>
                <p><a href="/training">Back to your training</a></p>
                """, session: session)
    }

    /// A site administrator who asks for another school's people.
    static func otherSchool(_ role: AdministratorRole, session: WebSession) -> Page {
        Page(
            title: "Another school",
            main: """
                <h1>This page is of another school</h1>
                <p class="alert" role="alert">You are the \(HTML.text(role.words)): you see the people and records \
                of your school only.</p>
                <p><a href="/admin/dashboard">Your school's compliance dashboard</a></p>
                """, session: session)
    }

    /// A site administrator who asks for a page or action of the whole district.
    static func districtOnly(_ role: AdministratorRole, session: WebSession) -> Page {
        Page(
            title: "District administrators only",
            main: """
                <h1>This is for district administrators</h1>
                <p class="alert" role="alert">You are the \(HTML.text(role.words)). The audit log and the download \
                of all records cover every school, so only district administrators open them.</p>
                <p><a href="/admin">Back to the overview</a></p>
                """, session: session)
    }

    /// A session whose administrator's account no longer exists.
    static func noLongerAdministrator(session: WebSession) -> Page {
        Page(
            title: "Administrators only",
            main: """
                <h1>This page is for administrators</h1>
                <p class="alert" role="alert">Your administrator account is no longer on this server. Sign out, \
                and ask the district's training office.</p>
                """, session: session)
    }

    private static func statusWords(_ status: ComplianceReport.Status) -> String {
        switch status {
        case .complete: "Completed"
        case .due: "Due"
        case .overdue: "Overdue"
        }
    }

    private static func leftOut(_ count: Int) -> String {
        guard count > 0 else { return "" }
        return #"<p class="alert" role="alert">"#
            + "\(count) stored \(count == 1 ? "record does" : "records do") not verify and \(count == 1 ? "is" : "are") "
            + "left out of these figures and of the download; the server's log names them.</p>"
    }
}

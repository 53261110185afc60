import Accounts
import Briefing
import Completion
import Foundation
import GroupSessions
import ProtocolEngine
import SessionServer

/// The facilitator's pages of a group session on the district server: the form that starts one,
/// and the console (the commands of `session host`'s console as buttons, each a form), and the
/// page staff see at `/group` when no session is running.
enum GroupSessionPages {
    /// The form that starts a session, with what the last one's end wrote, and why the last
    /// request was refused.
    static func start(
        jurisdiction: JurisdictionProtocol, contentNote: ContentNote, lastEnded: EndedSession?, problem: String?,
        session: WebSession
    ) -> Page {
        Page(
            title: "Group session",
            main: """
                <h1>Start a group session</h1>
                \(alert(problem))\(ended(lastEnded))
                <p>You facilitate: the room follows the questions of the \(HTML.text(jurisdiction.name)) protocol on \
                the projector, staff answer on their own phones or laptops, signed in to this site (they join at \
                <strong>/group</strong> with the code the projector shows), and each gets a signed completion record \
                in this site's records when you end the session.</p>
                \(contentNote.html)
                <form method="post" action="/admin/group-session/start">
                \(HTML.csrfField(session.csrfToken))
                <div class="field"><label for="vignettes">Vignettes to ask</label>
                <input type="text" inputmode="numeric" id="vignettes" name="vignettes" \
                value="\(GroupSessionDesk.defaultVignettes)" required></div>
                <div class="field"><label for="capacity">People who may join, at most</label>
                <input type="text" inputmode="numeric" id="capacity" name="capacity" \
                value="\(GroupSession.defaultCapacity)" required></div>
                <div class="actions"><button type="submit">Start the session</button></div>
                </form>
                """, session: session)
    }

    /// The console of the running session.
    static func console(_ status: GroupSessionStatus, problem: String?, session: WebSession) -> Page {
        Page(
            title: "Group session console",
            main: """
                <h1>Group session console</h1>
                \(alert(problem))
                <dl class="facts">
                <dt>Session</dt><dd>\(HTML.text(status.sessionID))</dd>
                <dt>Join code</dt><dd><strong id="join-code">\(HTML.text(status.joinCode))</strong>: staff sign in, \
                open \(HTML.text(status.joinAddress)) and type it.</dd>
                <dt>Where the session stands</dt><dd id="phase">\(HTML.text(phase(status)))</dd>
                </dl>
                <div class="actions"><a class="button secondary" id="projector" \
                href="/admin/group-session/present#key=\(HTML.text(status.projectorKey))">Open the projector view</a>
                <a class="button secondary" href="/admin/group-session">Refresh</a></div>
                <h2>Commands</h2>
                <div class="actions">
                \(command("next", "Next question", session: session))
                \(command("reveal", "Reveal the answer", session: session))
                \(command("end", "End the session and write the records", session: session))
                </div>
                <h2>Who joined (\(status.participants.count) of at most \(status.capacity))</h2>
                \(roster(status, session: session))
                """, session: session)
    }

    /// `/group` for staff when no session is running: their record of the last session, if
    /// they took part (`ending`: the session has just ended and its records are being written).
    static func noSession(record: String?, ending: Bool = false, session: WebSession) -> Page {
        let yours =
            ending
            ? "<p>The session has ended and its records are being written: reload this page in a moment for yours.</p>"
            : record.map {
                #"<p>The last group session has ended. <a href="/records/\#(HTML.text($0))">Your completion record</a> "#
                    + "(and, if you passed, your certificate).</p>"
            } ?? ""
        return Page(
            title: "Group session",
            main: """
                <h1>Group session</h1>
                <p role="status">No group session is running on this site now. When your facilitator starts one, \
                open this page again and type the code on the screen: you join as yourself, without typing your name.</p>
                \(yours)
                <p><a href="/training">Self-paced training</a></p>
                """, session: session)
    }

    /// Where the session stands, in a line: "Question 2 of 8 is open: 7 of 12 answered · A 3 · B 4".
    static func phase(_ status: GroupSessionStatus) -> String {
        let counts = status.counts.map { "\($0.letter) \($0.count)" }.joined(separator: " · ")
        let title = status.questionTitle.map { " (\($0))" } ?? ""
        switch status.phase {
        case .lobby: return "No question asked yet: \(status.participants.count) joined."
        case .asking(let index):
            return "Question \(index + 1) of \(status.questionCount)\(title) is open: "
                + "\(status.answered) of \(status.participants.count) answered · \(counts)"
        case .revealed(let index):
            return "Question \(index + 1) of \(status.questionCount)\(title) is revealed: "
                + "\(status.answered) of \(status.participants.count) answered · \(counts)"
        case .ended: return "The session has ended; its records could not all be written. End it again to retry."
        }
    }

    private static func command(_ name: String, _ label: String, session: WebSession) -> String {
        // A form per command (no script): the server holds the facilitator's secret.
        #"<form method="post" action="/admin/group-session/command">"#
            + #"<input type="hidden" name="command" value="\#(name)">"# + HTML.csrfField(session.csrfToken)
            + #"<button type="submit""#
            + (name == "end" ? #" class="secondary""# : "") + ">\(label)</button></form>"
    }

    private static func roster(_ status: GroupSessionStatus, session: WebSession) -> String {
        guard !status.participants.isEmpty else { return "<p>No one has joined yet.</p>" }
        let rows = status.participants.map { joined in
            """
            <tr><td>\(joined.number)</td><td>\(HTML.text(joined.name))</td><td>\(HTML.text(joined.employeeID ?? ""))</td>
            <td><form method="post" action="/admin/group-session/remove">\(HTML.csrfField(session.csrfToken))\
            <input type="hidden" name="participant" value="\(joined.number)">\
            <button type="submit" class="secondary" aria-label="Remove \(HTML.text(joined.name))">Remove</button></form></td></tr>
            """
        }
        return """
            <table>
            <thead><tr><th scope="col">Number</th><th scope="col">Name</th><th scope="col">Employee id</th>\
            <th scope="col">Remove</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>
            """
    }

    private static func alert(_ problem: String?) -> String {
        problem.map { #"<p class="alert" role="alert">\#(HTML.text($0))</p>"# + "\n" } ?? ""
    }

    private static func ended(_ ended: EndedSession?) -> String {
        guard let ended else { return "" }
        let report = ended.report
        let problems =
            report.problems.isEmpty
            ? "" : "<ul>" + report.problems.map { "<li>\(HTML.text($0))</li>" }.joined() + "</ul>"
        return """
            <div role="status" class="note" id="last-session">
            <p>Group session \(HTML.text(ended.sessionID)) has ended: \(report.recordsSaved) of \(ended.participants) \
            completion records saved (\(HTML.text(report.recordsLocation))), \(report.certificatesWritten) \
            certificates written, the attendance roster at \(HTML.text(report.rosterFile.path)). Each participant \
            sees their record and certificate when signed in.</p>\(problems)
            </div>

            """
    }
}

extension GroupSessionPages {
    /// A staff member on a facilitator's page.
    static func onlyAdministrators(session: WebSession) -> Page {
        Page(
            title: "Not for staff accounts",
            main: """
                <h1>Only an administrator can run a group session</h1>
                <p class="alert" role="alert">This page is the facilitator's console. To take part in a group \
                session, open <a href="/group">the group session page</a> and type the code on the screen.</p>
                """, session: session)
    }

    /// The server was started without group sessions (as in some tests).
    static func notOffered() -> Page {
        Page(
            title: "Group sessions",
            main: """
                <h1>Group sessions are not offered on this site</h1>
                <p><a href="/">Back to the training site</a></p>
                """)
    }
}

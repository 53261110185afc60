import Accounts
import LocalStore
import ProtocolEngine
import Training

/// The staff member's refresher page, where their refresher link leads: what it is, and the
/// button that starts it (or the link that continues an attempt in progress).
enum RefresherPages {
    static func start(jurisdiction: JurisdictionProtocol, saved: SessionProgress?, session: WebSession) -> Page {
        let next: String
        if let saved {
            next = """
                <p>You have a session in progress (\(saved.answers.count) questions answered); finish it first.</p>
                <div class="actions"><a class="button" href="/training/question">Continue where you stopped</a></div>
                """
        } else {
            next = """
                <form method="post" action="/training/refresher">
                \(HTML.csrfField(session.csrfToken))
                <div class="actions"><button type="submit">Start the refresher</button></div>
                </form>
                """
        }
        return Page(
            title: "Refresher",
            main: """
                <h1>Your \(HTML.text(jurisdiction.name)) protocol refresher</h1>
                <p>About \(SessionLength.targetedRefresherQuestions) questions, starting with cases on the situation \
                categories and mistakes your last passed training got wrong. It is practice: it keeps your training \
                record as it is, and shows the training office whether those areas improved.</p>
                \(next)
                <p><a href="/training">Back to the training page</a></p>
                """, session: session)
    }

    /// Shown when the person has no passed training on record.
    static func noPassedTraining(session: WebSession) -> Page {
        Page(
            title: "Refresher",
            main: """
                <h1>No refresher yet</h1>
                <p>A refresher follows a passed training, and there is none on record for you. \
                Take the training first.</p>
                <div class="actions"><a class="button" href="/training">Go to the training</a></div>
                """, session: session)
    }
}

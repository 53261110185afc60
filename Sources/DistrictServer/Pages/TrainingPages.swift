import Accounts
import Briefing
import LocalStore
import ProtocolEngine
import SessionServer
import Training

/// The pages before the questions: the content note and support lines first, the briefing, and
/// the button that starts (or the link that continues) the attempt.
enum TrainingPages {
    static func start(
        contentNote: ContentNote, jurisdiction: JurisdictionProtocol, saved: SessionProgress?, hasBriefing: Bool,
        session: WebSession
    ) -> Page {
        let briefing =
            hasBriefing
            ? """
            <h2>The briefing</h2>
            <p>Before the questions, you can read what the \(HTML.text(jurisdiction.name)) protocol asks of school staff.</p>
            <div class="actions"><a class="button secondary" href="/training/briefing">Read the briefing</a></div>
            """
            : ""
        let next: String
        if let saved {
            next = """
                <h2>Your training in progress</h2>
                <p>You have answered \(saved.answers.count) questions; your answers are saved.</p>
                <div class="actions"><a class="button" href="/training/question">Continue where you stopped</a></div>
                """
        } else {
            next = """
                <h2>Start the training</h2>
                <p>Each case is a short story about a student. For each, you choose the situation category, then \
                the next step your county's protocol calls for, and you see why. There is no time limit, and every \
                answer is saved, so you can stop at any point and continue later on this or another device.</p>
                <form method="post" action="/training/start">
                \(HTML.csrfField(session.csrfToken))
                <div class="actions"><button type="submit">Start the training</button></div>
                </form>
                """
        }
        return Page(
            title: "Training",
            main: """
                <h1>\(HTML.text(jurisdiction.name)) protocol training</h1>
                \(contentNote.html)
                \(briefing)
                \(next)
                """, session: session)
    }
}

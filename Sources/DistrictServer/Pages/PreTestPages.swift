import Accounts
import Briefing
import ProtocolEngine
import SessionServer
import Training

/// The pre-test's pages: the offer before the briefing and the training, the end of its
/// questions, and its score, neither passed nor failed, with the training that follows.
enum PreTestPages {
    /// The offer, after the content note and its support lines: the pre-test's cases are the
    /// training's kind of story.
    static func offer(contentNote: ContentNote, jurisdiction: JurisdictionProtocol, session: WebSession) -> Page {
        Page(
            title: "Pre-test",
            main: """
                <h1>\(HTML.text(jurisdiction.name)) protocol training</h1>
                \(contentNote.html)
                <h2>First, a short pre-test</h2>
                <p>About \(SessionLength.refresherQuestions) questions on cases like the training's, before the \
                briefing. You will not see whether your answers are right: the pre-test shows what you knew before, \
                and the training then goes through it. It is not passed or failed, and it does not count as \
                training. Answer with what you know now.</p>
                <form method="post" action="/training/pre-test/start">
                \(HTML.csrfField(session.csrfToken))
                <div class="actions"><button type="submit">Take the pre-test</button></div>
                </form>
                <form method="post" action="/training/start">
                \(HTML.csrfField(session.csrfToken))
                <div class="actions"><button type="submit" class="secondary">Skip it and start the training</button></div>
                </form>
                """, session: session)
    }

    static func lastAnswered(session: WebSession) -> Page {
        Page(
            title: "Pre-test",
            main: """
                <h1>Pre-test</h1>
                <p>That was the last question. Your answers are saved.</p>
                <form method="post" action="/training/pre-test/finish">
                \(HTML.csrfField(session.csrfToken))
                <div class="actions"><button type="submit">Finish the pre-test</button></div>
                </form>
                """, session: session)
    }

    static func done(percent: Int, hasBriefing: Bool, session: WebSession) -> Page {
        let briefing =
            hasBriefing
            ? #"<div class="actions"><a class="button secondary" href="/training/briefing">Read the briefing</a></div>"#
            : ""
        return Page(
            title: "Pre-test done",
            main: """
                <h1>Pre-test done</h1>
                <p role="status">Your score: \(percent)%. A pre-test is not passed or failed: it shows what you knew \
                before the training, to compare with the training's result. Your record of it is saved.</p>
                <h2>The training follows</h2>
                <p>Its cases are others than the pre-test's, and after each answer you see why it is right or wrong.</p>
                \(briefing)
                <form method="post" action="/training/start">
                \(HTML.csrfField(session.csrfToken))
                <div class="actions"><button type="submit">Start the training</button></div>
                </form>
                """, session: session)
    }
}

import Accounts
import ScenarioEngine
import Training

/// The feedback on an answer, shown only once the answer is saved: right or not, the correct
/// answer, why, and the protocol step it cites. The verdict is the page's heading and sits in a
/// status region, so a screen reader announces it.
enum FeedbackPage {
    static func page(
        _ feedback: Feedback, to question: Question, number: Int, of total: Int, isLast: Bool, session: WebSession
    ) -> Page {
        let verdict =
            feedback.isCorrect
            ? #"<h1 class="good">Correct</h1>"#
            : #"<h1 class="bad">Not quite</h1>"#
        var details = [
            feedback.isCorrect
                ? "<p>\(HTML.text(feedback.correct.text))</p>"
                : "<p>You chose: \(HTML.text(feedback.chosen.text))</p>\n<p>The correct answer: <strong>"
                    + "\(HTML.text(feedback.correct.text))</strong></p>"
        ]
        if let why = feedback.whyWrong ?? feedback.mistake {
            details.append("<p>Why not “\(HTML.text(feedback.chosen.text))”: \(HTML.text(why))</p>")
        }
        if feedback.attemptCannotPass {
            details.append(
                #"<p class="alert bad">This attempt will not pass: a critical mistake fails it whatever the score. "#
                    + "You can finish the questions for practice, or stop and start again later.</p>")
        } else if feedback.isCritical {
            details.append(#"<p class="bad">This is a critical mistake: it fails the attempt.</p>"#)
        }
        let explanation = feedback.explanation
        var why: [String] = []
        if let definition = explanation.definition { why.append("<p>Definition: \(HTML.text(definition))</p>") }
        if explanation.citation != nil { why.append("<p>Protocol: \(HTML.text(explanation.answer))</p>") }
        if !explanation.source.isEmpty { why.append("<p>Cites: <cite>\(HTML.text(explanation.source))</cite></p>") }
        if !explanation.reasons.isEmpty {
            why.append("<ul>\n" + explanation.reasons.map { "<li>\(HTML.text($0))</li>" }.joined(separator: "\n") + "\n</ul>")
        }
        let next =
            isLast
            ? """
            <p>That was the last question. Your answers are saved.</p>
            <form method="post" action="/training/finish">
            \(HTML.csrfField(session.csrfToken))
            <div class="actions"><button type="submit">See your result</button></div>
            </form>
            """
            : """
            <div class="actions"><a class="button" href="/training/question">Next question</a></div>
            <p>Your answer is saved: you can stop here and continue later, on this or another device.</p>
            """
        return Page(
            title: "Feedback on question \(number) of \(total)",
            main: """
                <p class="progress">Question \(number) of \(total) · \(HTML.text(question.kind.name))</p>
                <div role="status">
                \(verdict)
                \(details.joined(separator: "\n"))
                </div>
                <section aria-labelledby="why-heading">
                <h2 id="why-heading">Why</h2>
                \(why.joined(separator: "\n"))
                </section>
                \(next)
                """, session: session)
    }
}

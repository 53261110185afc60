import Accounts
import ProtocolEngine
import ScenarioEngine
import Training

/// A question of the attempt: the case so far, then the question as a group of radio buttons in
/// a fieldset whose legend is the question, so a screen reader reads the question with each
/// option. Plain form: no script, no time limit.
enum QuestionPage {
    static func page(
        _ question: Question, number: Int, of total: Int, story: StoryPosition, hasBriefing: Bool, session: WebSession,
        problem: String? = nil
    ) -> Page {
        let vignette = question.vignette
        let parts = [vignette.narrative] + vignette.stages.prefix(question.stage + 1).compactMap(\.narrative)
        let options = question.options.enumerated().map { index, option in
            let id = "option-\(index)"
            return """
                <div class="option"><input type="radio" id="\(id)" name="option" value="\(HTML.text(option.id.rawValue))" required>
                <label for="\(id)">\(HTML.text(option.text))</label></div>
                """
        }
        let alert = problem.map { #"<p class="alert" role="alert">\#(HTML.text($0))</p>"# } ?? ""
        return Page(
            title: "Question \(number) of \(total)",
            main: """
                <p class="progress">Question \(number) of \(total) · Case \(story.number) of \(story.total)</p>
                <h1>\(HTML.text(vignette.title))</h1>
                <section class="story" aria-label="The case">
                \(parts.map(HTML.paragraphs).joined(separator: "\n"))
                </section>
                \(alert)
                <form method="post" action="/training/answer">
                \(HTML.csrfField(session.csrfToken))
                <input type="hidden" name="question" value="\(HTML.text(question.id))">
                <fieldset>
                <legend>\(HTML.text(question.kind.name)): \(HTML.text(question.prompt))</legend>
                \(options.joined(separator: "\n"))
                </fieldset>
                <div class="actions"><button type="submit">Answer</button></div>
                </form>
                <p>Your answers are saved as you go: you can close this page and continue later, here or on another \
                device.\(hasBriefing ? #" <a href="/training/briefing">Read the briefing</a> at any time."# : "")</p>
                """, session: session)
    }

    /// Which case of the attempt a question belongs to.
    struct StoryPosition: Sendable {
        var number: Int
        var total: Int

        init(of question: Question, in plan: TrainingPlan) {
            number = (plan.vignettes.firstIndex(of: question.vignette.id) ?? 0) + 1
            total = plan.vignettes.count
        }
    }
}

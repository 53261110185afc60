import Accounts
import Briefing

/// The county's briefing, as a page: read before the questions (or any time during them).
enum BriefingPage {
    static func page(_ briefing: Briefing, session: WebSession) -> Page {
        let sections = briefing.sections.map { section in
            "<section>\n<h2>\(HTML.text(section.heading))</h2>\n" + section.blocks.map(html).joined(separator: "\n")
                + "\n</section>"
        }
        return Page(
            title: briefing.title,
            main: """
                <h1>\(HTML.text(briefing.title))</h1>
                <p>\(HTML.text(briefing.protocolLine))</p>
                \(sections.joined(separator: "\n"))
                <div class="actions"><a class="button" href="/training">Back to the training</a></div>
                """, session: session)
    }

    private static func html(_ block: BriefingBlock) -> String {
        switch block {
        case .paragraph(let text): "<p>\(HTML.text(text))</p>"
        case .subheading(let text): "<h3>\(HTML.text(text))</h3>"
        case .note(let text): #"<p class="note">\#(HTML.text(text))</p>"#
        case .list(let items): "<ul>\n" + items.map { "<li>\(HTML.text($0))</li>" }.joined(separator: "\n") + "\n</ul>"
        case .step(let number, let wording, let details):
            "<h3>Step \(number): \(HTML.text(wording))</h3>\n"
                + (details.isEmpty
                    ? "" : "<ul>\n" + details.map { "<li>\(HTML.text($0))</li>" }.joined(separator: "\n") + "\n</ul>")
        }
    }
}

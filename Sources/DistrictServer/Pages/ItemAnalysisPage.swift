import Accounts
import Charts
import Completion
import ItemAnalysis

/// The item analysis of one county protocol's records, for administrators: the pickers (a GET
/// form, no script), how many records it covers and how many were left out because they do not
/// verify, the facility bar chart and the category confusion heat map (SVG drawn on the server)
/// each with its table, and the tables of wrong options, catalogued mistakes, critical mistakes
/// by school and role, question kinds and stages: the charts and tables `records stats` writes.
enum ItemAnalysisPage {
    /// What the page shows.
    struct Content: Sendable {
        var scope: AnalysisScope
        /// The jurisdiction's analysis; nil when no record of it is in scope.
        var analysis: JurisdictionAnalysis?
        /// Records in scope that do not verify, left out of every figure.
        var unverified: Int
        /// The county protocols to choose from: id and name.
        var jurisdictions: [(id: String, name: String)]
        /// The schools a district administrator may choose (nil for a site administrator).
        var schools: [String]?
    }

    static func page(_ content: Content, role: AdministratorRole, session: WebSession) -> Page {
        let jurisdiction = content.scope.jurisdiction ?? ""
        let name = content.jurisdictions.first { $0.id == jurisdiction }?.name ?? jurisdiction
        let whose = content.scope.school.map { "the records of \($0)" } ?? "the records of every school"
        let scopeWords =
            role == .district
            ? "You see every school, or the one you choose."
            : "You are the \(role.words): you see your school's records only."
        let records = content.analysis?.records ?? 0
        let unverified =
            content.unverified == 0
            ? ""
            : " \(content.unverified) \(content.unverified == 1 ? "record does" : "records do") not verify (altered or "
                + "damaged) and \(content.unverified == 1 ? "is" : "are") left out of every figure: run "
                + "the records check on the server to find \(content.unverified == 1 ? "it" : "them")."
        let summary =
            "\(name), \(whose): \(records) \(records == 1 ? "record" : "records") analysed.\(unverified)"
        return Page(
            title: "Item analysis",
            main: """
                <h1>Item analysis</h1>
                <p>What staff get wrong, question by question: the share of correct answers per item, which \
                situation categories are read as which, and the wrong options and catalogued mistakes chosen. \
                \(HTML.text(scopeWords)) <a href="/admin/dashboard">Back to the compliance dashboard</a></p>
                \(pickers(content, role: role))
                <p role="status" id="analysis-summary"\(content.unverified == 0 ? "" : #" class="alert""#)>\
                \(HTML.text(summary))</p>
                \(content.analysis.map { figures($0, name: name) } ?? "<p>No record of this county protocol is in this view yet.</p>")
                """, session: session)
    }

    /// The GET form that chooses the county protocol and, for a district administrator, the school.
    private static func pickers(_ content: Content, role: AdministratorRole) -> String {
        let jurisdictions = content.jurisdictions.map { choice in
            let selected = choice.id == content.scope.jurisdiction ? " selected" : ""
            return #"<option value="\#(HTML.text(choice.id))"\#(selected)>\#(HTML.text(choice.name))</option>"#
        }
        var school = ""
        if let schools = content.schools {
            let chosen = content.scope.school
            let all = schools + (chosen.map { schools.contains($0) ? [] : [$0] } ?? [])
            let options =
                [#"<option value="">Every school</option>"#]
                + all.map { choice in
                    #"<option value="\#(HTML.text(choice))"\#(choice == chosen ? " selected" : "")>\#(HTML.text(choice))</option>"#
                }
            school = """
                <div class="field"><label for="school">School</label>
                <select id="school" name="school">
                \(options.joined(separator: "\n"))
                </select></div>
                """
        } else if let own = role.school {
            school = "<p>School: \(HTML.text(own)) (yours).</p>"
        }
        return """
            <form method="get" action="/admin/item-analysis" aria-label="Choose the analysis">
            <div class="field"><label for="jurisdiction">County protocol</label>
            <select id="jurisdiction" name="jurisdiction">
            \(jurisdictions.joined(separator: "\n"))
            </select></div>
            \(school)
            <div class="actions"><button type="submit" class="secondary">Show</button></div>
            </form>
            """
    }

    /// The charts, each with its table, then the other tables.
    private static func figures(_ analysis: JurisdictionAnalysis, name: String) -> String {
        let tables: [(id: String, heading: String, table: DataTable)] = [
            ("wrong-options", "Wrong options chosen", StatisticsTables.wrongOptions(analysis, name: name)),
            ("mistakes", "Catalogued mistakes chosen", StatisticsTables.mistakes(analysis, name: name)),
            ("critical-mistakes", "Critical mistakes by school and role", StatisticsTables.critical(analysis, name: name)),
            ("kinds", "By question kind", StatisticsTables.groups(analysis.byKind, heading: "question kind", name: name)),
            ("stages", "By stage", StatisticsTables.groups(analysis.byStage, heading: "stage", name: name)),
        ]
        let others = tables.map { id, heading, table in
            "<h2 id=\"\(id)-heading\">\(HTML.text(heading))</h2>\n" + ChartFigure.table(table, id: id + "-table")
        }
        return """
            <h2 id="facility-heading">Facility per item</h2>
            <p>The share of answers that were correct for each item (a vignette's stage and question kind), hardest \
            first, with the number of answers.</p>
            \(ChartFigure.html(StatisticsCharts.facility(analysis, name: name), id: "facility"))
            <h2 id="confusion-heading">Situation categories: true and chosen</h2>
            <p>Rows are the true situation, columns the category chosen; the diagonal is correct.</p>
            \(ChartFigure.html(StatisticsCharts.confusion(analysis, name: name), id: "confusion"))
            \(others.joined(separator: "\n"))
            """
    }
}

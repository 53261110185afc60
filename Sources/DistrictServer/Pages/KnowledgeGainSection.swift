import Foundation
import ItemAnalysis

/// The dashboard's knowledge gain: for the administrator's people (every school, or their own),
/// not narrowed by the view's filters, the scores of the pre-test and of the training after it,
/// for everyone and per district, school, role and situation category (docs/item-analysis.md,
/// "Knowledge gain").
enum KnowledgeGainSection {
    /// The section; `categoryNames` gives each category id's printed name.
    static func html(_ report: KnowledgeGainReport?, categoryNames: [String: String]) -> String {
        let gains = report?.jurisdictions.filter { $0.pairs > 0 } ?? []
        let tables =
            gains.isEmpty
            ? "<p>No one has taken both a pre-test and the training after it yet.</p>"
            : gains.map { table($0, categoryNames: categoryNames) }.joined(separator: "\n")
        return """
            <section aria-labelledby="knowledge-gain-heading">
            <h2 id="knowledge-gain-heading">Knowledge gain</h2>
            <p>People who took a pre-test and then the training: their mean scores before and after, the gain in \
            percentage points with its 95% confidence interval (wide for a few people: read it as a hint), and the \
            normalised gain (the share of what there was left to learn that was learned). Of everyone you see, \
            whatever the filters above.</p>
            \(tables)
            </section>
            """
    }

    private static func table(_ gain: JurisdictionGain, categoryNames: [String: String]) -> String {
        let groups =
            (gain.overall.map { [("Everyone", $0)] } ?? [])
            + gain.byDistrict.map { ("District: " + name($0.group), $0) }
            + gain.bySchool.map { ("School: " + name($0.group), $0) } + gain.byRole.map { ("Role: " + name($0.group), $0) }
            + gain.byCategory.map { ("Category: " + (categoryNames[$0.group] ?? $0.group), $0) }
        let rows = groups.map { label, group in
            let interval = group.confidenceInterval.map { "\(points($0.lower)) to \(points($0.upper))" } ?? "one person: none"
            let normalised = group.normalisedGain.map { String(format: "%.2f", $0) } ?? "undefined (pre-test 100%)"
            return "<tr><th scope=\"row\">\(HTML.text(label))</th><td>\(group.pairs)</td><td>\(points(group.meanPre))%</td>"
                + "<td>\(points(group.meanPost))%</td><td>\(signed(group.meanDifference))</td>"
                + "<td>\(HTML.text(interval))</td><td>\(HTML.text(normalised))</td></tr>"
        }
        let id = "knowledge-gain-\(HTML.text(gain.jurisdiction))"
        return """
            <div class="table" role="region" aria-labelledby="\(id)-caption" tabindex="0">
            <table id="\(id)">
            <caption id="\(id)-caption">Knowledge gain from pre-test to training (\(gain.pairs) of \(gain.preTests) \
            pre-tests followed by the training)</caption>
            <thead><tr><th scope="col">Group</th><th scope="col">People</th><th scope="col">Mean pre-test</th>\
            <th scope="col">Mean training</th><th scope="col">Gain (points)</th><th scope="col">95% interval</th>\
            <th scope="col">Normalised gain</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>
            </div>
            """
    }

    private static func name(_ group: String) -> String {
        group.isEmpty ? "None given" : group
    }

    private static func points(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    private static func signed(_ value: Double) -> String {
        (value > 0 ? "+" : "") + points(value)
    }
}

import Charts
import Foundation
import ItemAnalysis

/// The knowledge gain as files, beside the item analysis's: per county a chart of the gain per
/// school, role and situation category (SVG, its table as CSV, and an HTML page with both), every
/// group's figures as CSV, or the whole report as JSON. None when no pre-test was taken. The same
/// report always gives the same bytes.
public struct KnowledgeGainFiles: Sendable {
    public let report: KnowledgeGainReport
    /// The display name of each jurisdiction by id ("Marin County").
    public let names: [String: String]

    public init(report: KnowledgeGainReport, names: [String: String]) {
        self.report = report
        self.names = names
    }

    public func files(_ format: StatisticsFiles.Format) -> [StatisticsFiles.File] {
        guard !report.jurisdictions.isEmpty else { return [] }
        switch format {
        case .json: return [StatisticsFiles.File(name: "knowledge-gain.json", contents: json)]
        case .csv:
            return report.jurisdictions.map { gain in
                StatisticsFiles.File(
                    name: "\(gain.jurisdiction)-knowledge-gain.csv", contents: Self.table(gain, name: name(gain)).csv)
            }
        case .svg:
            return report.jurisdictions.flatMap { gain in
                let (chart, id) = (Self.chart(gain, name: name(gain)), "\(gain.jurisdiction)-knowledge-gain")
                let svg = chart.svg(id: id)
                return [
                    StatisticsFiles.File(name: id + ".svg", contents: svg),
                    StatisticsFiles.File(name: id + ".csv", contents: chart.table.csv),
                    StatisticsFiles.File(name: id + ".html", contents: StatisticsFiles.page(chart, svg: svg, id: id)),
                ]
            }
        }
    }

    /// The report as JSON, keys sorted.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Every value of the report encodes; a failure would be a bug in the report's types.
        let data = (try? encoder.encode(report)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private func name(_ gain: JurisdictionGain) -> String {
        names[gain.jurisdiction] ?? gain.jurisdiction
    }

    /// Every group: everyone, then per district, school, role and category.
    static func groups(_ gain: JurisdictionGain) -> [(grouping: String, statistics: GainStatistics)] {
        (gain.overall.map { [("all", $0)] } ?? []) + gain.byDistrict.map { ("district", $0) }
            + gain.bySchool.map { ("school", $0) } + gain.byRole.map { ("role", $0) }
            + gain.byCategory.map { ("category", $0) }
    }

    static func table(_ gain: JurisdictionGain, name: String) -> DataTable {
        DataTable(
            caption: "Knowledge gain from pre-test to training, \(name)",
            columns: [
                "grouping", "group", "pairs", "mean pre", "mean post", "mean difference", "95% CI lower", "95% CI upper",
                "normalised gain",
            ],
            rows: groups(gain).map { grouping, group in
                [
                    grouping, group.group, String(group.pairs), points(group.meanPre), points(group.meanPost),
                    points(group.meanDifference), group.confidenceInterval.map { points($0.lower) } ?? "",
                    group.confidenceInterval.map { points($0.upper) } ?? "",
                    group.normalisedGain.map(StatisticsTables.decimal) ?? "",
                ]
            })
    }

    /// The mean gain of each school, role and category, in percentage points (a loss is drawn as
    /// an empty bar, its value written beside it).
    static func chart(_ gain: JurisdictionGain, name: String) -> BarChart {
        let groups = Self.groups(gain).filter { $0.grouping != "all" && $0.grouping != "district" }
        let largest = groups.max {
            ($0.statistics.meanDifference, $1.statistics.group) < ($1.statistics.meanDifference, $0.statistics.group)
        }
        let most = largest.map { " Largest gain: \(label($0)), \(signed($0.statistics.meanDifference)) points." } ?? ""
        return BarChart(
            title: "Knowledge gain per school, role and category, \(name)",
            summary: "The mean gain from pre-test to training, in percentage points, over \(gain.pairs) people who "
                + "took both, per school, role and situation category, with its 95% confidence interval and the "
                + "normalised gain (the share of what there was left to learn that was learned).\(most)",
            labelHeading: "Group", valueHeading: "Mean gain (points)",
            bars: groups.map { group in
                BarChart.Bar(
                    label: label(group), value: max(0, group.statistics.meanDifference), valueText: text(group.statistics))
            },
            maximum: 100)
    }

    private static func label(_ group: (grouping: String, statistics: GainStatistics)) -> String {
        "\(group.grouping): \(group.statistics.group.isEmpty ? "(not given)" : group.statistics.group)"
    }

    /// "+23.3 (95% CI −5.4 to 52.0), g 0.47, 3 people".
    private static func text(_ group: GainStatistics) -> String {
        let interval = group.confidenceInterval.map { " (95% CI \(points($0.lower)) to \(points($0.upper)))" } ?? ""
        let normalised = group.normalisedGain.map { String(format: ", g %.2f", $0) } ?? ""
        return signed(group.meanDifference) + interval + normalised + ", \(group.pairs) "
            + (group.pairs == 1 ? "person" : "people")
    }

    private static func points(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    private static func signed(_ value: Double) -> String {
        (value > 0 ? "+" : "") + points(value)
    }
}

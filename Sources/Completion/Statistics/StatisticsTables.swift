import Charts
import Foundation
import ItemAnalysis

/// The tables of a jurisdiction's item analysis, for `--format csv` and the district server's page.
public enum StatisticsTables {
    /// Each table with the suffix of its file name.
    public static func all(_ analysis: JurisdictionAnalysis, name: String) -> [(String, DataTable)] {
        [
            ("items", items(analysis, name: name)), ("wrong-options", wrongOptions(analysis, name: name)),
            ("kinds", groups(analysis.byKind, heading: "question kind", name: name)),
            ("stages", groups(analysis.byStage, heading: "stage", name: name)),
            ("mistakes", mistakes(analysis, name: name)), ("critical-mistakes", critical(analysis, name: name)),
            ("confusion", StatisticsCharts.confusion(analysis, name: name).table),
        ]
    }

    public static func items(_ analysis: JurisdictionAnalysis, name: String) -> DataTable {
        DataTable(
            caption: "Items, \(name)",
            columns: [
                "vignette", "stage", "kind", "answered", "correct", "facility", "discrimination", "discrimination attempts",
            ],
            rows: analysis.items.map { item in
                [
                    item.item.vignette, String(item.item.stage), item.item.kind, String(item.answered), String(item.correct),
                    decimal(item.facility), item.discrimination.map(decimal) ?? "", String(item.discriminationAttempts),
                ]
            })
    }

    public static func wrongOptions(_ analysis: JurisdictionAnalysis, name: String) -> DataTable {
        DataTable(
            caption: "Wrong options chosen, \(name)",
            columns: ["vignette", "stage", "kind", "option", "chosen", "mistake", "critical"],
            rows: analysis.items.flatMap { item in
                item.wrongOptions.map { option in
                    [
                        item.item.vignette, String(item.item.stage), item.item.kind, option.option, String(option.chosen),
                        option.mistake ?? "", option.critical.map { $0 ? "yes" : "no" } ?? "",
                    ]
                }
            })
    }

    public static func groups(_ groups: [GroupStatistics], heading: String, name: String) -> DataTable {
        DataTable(
            caption: "By \(heading), \(name)",
            columns: [heading, "items", "answered", "correct", "facility", "discrimination", "discrimination attempts"],
            rows: groups.map { group in
                [
                    group.group, String(group.items), String(group.answered), String(group.correct), decimal(group.facility),
                    group.discrimination.map(decimal) ?? "", String(group.discriminationAttempts),
                ]
            })
    }

    public static func mistakes(_ analysis: JurisdictionAnalysis, name: String) -> DataTable {
        DataTable(
            caption: "Catalogued mistakes chosen, \(name)", columns: ["mistake", "critical", "chosen"],
            rows: analysis.mistakes.map { [$0.mistake, $0.critical ? "yes" : "no", String($0.chosen)] })
    }

    public static func critical(_ analysis: JurisdictionAnalysis, name: String) -> DataTable {
        DataTable(
            caption: "Critical mistakes by school and role, \(name)",
            columns: ["school", "role", "attempts", "attempts with a critical mistake", "critical mistakes chosen"],
            rows: analysis.criticalMistakes.map { group in
                [
                    group.school, group.role, String(group.attempts), String(group.attemptsWithCritical),
                    String(group.criticalChosen),
                ]
            })
    }

    /// Four decimals, the same on every machine.
    static func decimal(_ value: Double) -> String {
        String(format: "%.4f", value)
    }
}

import Charts
import Foundation
import ItemAnalysis

/// The charts of a jurisdiction's item analysis (the files of `records stats --format svg`, the
/// district server's item analysis page).
public enum StatisticsCharts {
    /// Facility per item, hardest first.
    public static func facility(_ analysis: JurisdictionAnalysis, name: String) -> BarChart {
        let items = analysis.items.sorted { ($0.facility, $0.item) < ($1.facility, $1.item) }
        let lowest = items.first.map { " Hardest: \($0.item.label), \(percent($0.facility)) correct." } ?? ""
        return BarChart(
            title: "Facility per item, \(name)",
            summary: "The share of answers that were correct, for each of \(items.count) items "
                + "(vignette, stage and question kind) over \(analysis.records) records, hardest first.\(lowest)",
            labelHeading: "Item", valueHeading: "Correct (answers)",
            bars: items.map { item in
                BarChart.Bar(
                    label: item.item.label, value: item.facility,
                    valueText: "\(percent(item.facility)) (\(item.answered))")
            })
    }

    /// True situation category × chosen category.
    public static func confusion(_ analysis: JurisdictionAnalysis, name: String) -> HeatMap {
        let matrix = analysis.confusion
        var misreading: (count: Int, row: Int, column: Int)?
        for (row, counts) in matrix.counts.enumerated() {
            for (column, count) in counts.enumerated() where row != column && count > (misreading?.count ?? 0) {
                misreading = (count, row, column)
            }
        }
        let most =
            misreading.map {
                " Most often misread: “\(matrix.names[$0.row])” as “\(matrix.names[$0.column])”, \($0.count) times."
            }
            ?? " No category was misread."
        return HeatMap(
            title: "Situation categories: true and chosen, \(name)",
            summary: "For each true situation (rows), how often each category (columns) was chosen in the category "
                + "questions; the diagonal is correct, shading is the share of the row.\(most)",
            rowHeading: "True situation", columnHeading: "Chosen", rows: matrix.names, columns: matrix.names,
            counts: matrix.counts)
    }

    static func percent(_ share: Double) -> String {
        "\(Int((share * 100).rounded()))%"
    }
}

import Charts
import Foundation
import Testing

/// The table beside each chart, for screen readers and spreadsheets.
@Suite struct DataTableTests {
    static let table = DataTable(
        caption: "Facility, \"Marin\" & more", columns: ["Item", "Correct"],
        rows: [["bus-stop#1/category", "25%"], ["quoted, \"field\"", "90%"]])

    @Test func csvQuotesOnlyWhatNeedsIt() {
        #expect(
            Self.table.csv == "Item,Correct\r\nbus-stop#1/category,25%\r\n\"quoted, \"\"field\"\"\",90%\r\n")
    }

    @Test func htmlScopesItsHeadersAndParses() throws {
        let html = Self.table.html(id: "facility-table")
        #expect(html.contains("<caption>Facility, &quot;Marin&quot; &amp; more</caption>"))
        #expect(html.contains("<th scope=\"col\">Item</th><th scope=\"col\">Correct</th>"))
        #expect(html.contains("<tr><th scope=\"row\">bus-stop#1/category</th><td>25%</td></tr>"))
        let outline = try #require(SVGOutline.parse(html))
        #expect(outline.elements(named: "tr").count == 3)
        #expect(
            outline.elements(named: "th").filter { $0.attributes["scope"] == "row" }.map(\.text) == Self.table.rows.map { $0[0] })
    }

    @Test func eachChartKindGivesItsFiguresAsATable() {
        let map = HeatMap(
            title: "Categories", summary: "s", rowHeading: "True", columnHeading: "Chosen", rows: ["A", "B"],
            columns: ["A", "B"], counts: [[3, 1], [0, 2]])
        #expect(map.table.rows == [["A", "3", "1"], ["B", "0", "2"]])
        #expect(map.table.columns == ["True \\ Chosen", "A", "B"])
    }
}

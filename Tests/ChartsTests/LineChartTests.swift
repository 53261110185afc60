import Charts
import Foundation
import Testing

/// The step line of a running share with a marked step, read back with an XML parser.
@Suite struct LineChartTests {
    /// Shares by week: 1, 3, 4, 4, 5 and 6 of 8 people, the deadline at week 4.
    static let counts = [1, 3, 4, 4, 5, 6]
    static let chart = LineChart(
        title: "Completions against the deadline", summary: "5 of 8 by the deadline.", stepHeading: "Weeks",
        valueHeading: "Completed",
        points: counts.enumerated().map { week, count in
            LineChart.Point(label: String(week), value: Double(count) / 8, valueText: "\(count) of 8")
        },
        marker: LineChart.Marker(point: 4, label: "Deadline: 4 weeks"))

    @Test func theLineStepsThroughEveryPointFromLeftToRight() throws {
        let outline = try #require(SVGOutline.parse(Self.chart.svg(id: "line")))
        let dots = outline.elements(named: "circle")
        #expect(dots.count == Self.counts.count)
        let xs = dots.compactMap { $0.attributes["cx"].flatMap { Int($0) } }
        let ys = dots.compactMap { $0.attributes["cy"].flatMap { Int($0) } }
        #expect(xs == xs.sorted() && Set(xs).count == xs.count, "one dot a week, left to right")
        // A higher share is drawn higher (smaller y); equal shares at the same height.
        for (earlier, later) in zip(Self.counts.indices, Self.counts.indices.dropFirst()) {
            let (a, b) = (Self.counts[earlier], Self.counts[later])
            #expect(a < b ? ys[earlier] > ys[later] : ys[earlier] == ys[later], "week \(later)")
        }
        // The path holds its height until the next week, then rises: one H and one V per step.
        let path = try #require(outline.elements(named: "path").first?.attributes["d"])
        #expect(path.split(separator: " ").filter { $0 == "H" }.count == Self.counts.count - 1)
        #expect(path.split(separator: " ").filter { $0 == "V" }.count == Self.counts.count - 1)
        #expect(path.hasPrefix("M \(xs[0]) \(ys[0])"))
    }

    @Test func theDeadlineIsADashedLineAtItsWeekWithItsLabel() throws {
        let outline = try #require(SVGOutline.parse(Self.chart.svg(id: "line")))
        let dashed = outline.elements(named: "line").filter { $0.attributes["stroke-dasharray"] != nil }
        let marker = try #require(dashed.first)
        #expect(dashed.count == 1)
        let dot = outline.elements(named: "circle")[4]
        #expect(marker.attributes["x1"] == dot.attributes["cx"] && marker.attributes["x2"] == dot.attributes["cx"])
        let texts = outline.elements(named: "text").map(\.text)
        #expect(texts.contains("Deadline: 4 weeks"))
        // The values at the deadline and now are written in the chart.
        #expect(texts.contains("5 of 8") && texts.contains("6 of 8"))
        #expect(Palette.contrast(try #require(marker.attributes["stroke"]), Palette.background) >= 3)
    }

    @Test func theTableHasEveryWeekAndMarksTheDeadline() {
        let table = Self.chart.table
        #expect(table.columns == ["Weeks", "Completed"])
        #expect(table.rows.map { $0[1] } == Self.counts.map { "\($0) of 8" })
        #expect(table.rows[4][0] == "4 (Deadline: 4 weeks)" && table.rows[3][0] == "3")
        #expect(table.csv.hasPrefix("Weeks,Completed\r\n0,1 of 8\r\n"))
    }

    @Test func manyWeeksLabelOnlyThoseThatFit() throws {
        let weeks = (0...52).map { LineChart.Point(label: String($0), value: Double($0) / 52, valueText: "\($0)") }
        let chart = LineChart(title: "t", summary: "s", stepHeading: "Weeks", valueHeading: "v", points: weeks)
        let outline = try #require(SVGOutline.parse(chart.svg(id: "long")))
        let labels = outline.elements(named: "text").filter { $0.attributes["text-anchor"] == "middle" }.map(\.text)
        #expect(labels.contains("0") && labels.contains("52"))
        #expect(labels.count < 40, "\(labels.count) labels")
    }

    @Test func theInlineSVGIsTheDocumentWithoutItsDeclaration() {
        let inline = Self.chart.inlineSVG(id: "line")
        #expect(inline.hasPrefix("<svg ") && Self.chart.svg(id: "line").hasSuffix(inline))
    }
}

import Charts
import Foundation
import Testing

/// Every chart kind: well-formed SVG with its accessible name and description, its values
/// written, readable colours, and the same bytes for the same chart.
@Suite struct ChartAccessibilityTests {
    static let bars = BarChart(
        title: "Facility per item, Marin & <Sonoma>", summary: "Hardest first: \"a\" then b.", labelHeading: "Item",
        valueHeading: "Correct",
        bars: [
            BarChart.Bar(label: "bus-stop#1/category", value: 0.25, valueText: "25% (40)"),
            BarChart.Bar(label: "motel#2/next-step", value: 0.9, valueText: "90% (38)"),
            BarChart.Bar(
                label: "a label much longer than any county would print, to be cut short at the chart's edge", value: 1,
                valueText: "100% (2)"),
        ])

    static let heatMap = HeatMap(
        title: "Situation categories: true and chosen", summary: "Suspected victim is often read as at-risk.",
        rowHeading: "True situation", columnHeading: "Chosen", rows: ["Suspected victim", "At-risk", "None"],
        columns: ["Suspected victim", "At-risk", "None"], counts: [[12, 30, 1], [4, 50, 0], [0, 2, 9]])

    static let charts: [any Chart] = [bars, heatMap, LineChartTests.chart]

    @Test(arguments: 0..<3)
    func theSVGIsWellFormedAndNamesItself(chart index: Int) throws {
        let chart = Self.charts[index]
        let outline = try #require(SVGOutline.parse(chart.svg(id: "chart-\(index)")))
        let root = try #require(outline.root)
        #expect(root.name == "svg" && root.attributes["role"] == "img")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        let labelledBy = try #require(root.attributes["aria-labelledby"]).split(separator: " ").map(String.init)
        let title = try #require(outline.elements(named: "title").first)
        let description = try #require(outline.elements(named: "desc").first)
        #expect(labelledBy == [title.attributes["id"], description.attributes["id"]].compactMap { $0 })
        #expect(title.text == chart.title && description.text == chart.summary)
        // The title and description come first, so that readers find them.
        #expect(outline.elements.dropFirst().prefix(2).map(\.name) == ["title", "desc"])
    }

    @Test func everyValueIsWrittenInTheChart() throws {
        let bars = try #require(SVGOutline.parse(Self.bars.svg(id: "bars")))
        let texts = bars.elements(named: "text").map(\.text)
        for bar in Self.bars.bars { #expect(texts.contains(bar.valueText)) }
        let cells = try #require(SVGOutline.parse(Self.heatMap.svg(id: "map")))
        let written = cells.elements(named: "text").map(\.text)
        for count in Self.heatMap.counts.joined() { #expect(written.contains(String(count))) }
        // One shaded cell per count, and its text colour readable on it.
        let fills = cells.elements(named: "rect").compactMap(\.attributes["fill"]).filter { $0 != Palette.background }
        #expect(fills.count == 9)
    }

    @Test func textOnEveryCellMeetsWCAGAAContrast() throws {
        let outline = try #require(SVGOutline.parse(Self.heatMap.svg(id: "map")))
        let rects = outline.elements(named: "rect").filter { $0.attributes["stroke"] != nil }
        let counts = Set(Self.heatMap.counts.joined().map(String.init))
        let cellTexts = outline.elements(named: "text").filter {
            counts.contains($0.text) && $0.attributes["text-anchor"] == "middle"
        }
        #expect(rects.count == cellTexts.count)
        for (rect, text) in zip(rects, cellTexts) {
            let contrast = Palette.contrast(try #require(rect.attributes["fill"]), try #require(text.attributes["fill"]))
            #expect(contrast >= 4.5, "\(rect.attributes) \(text.attributes)")
        }
        for share in stride(from: 0.0, through: 1.0, by: 0.125) {
            let fill = Palette.sequential(share)
            #expect(Palette.contrast(fill, Palette.text(on: fill)) >= 4.5, "\(fill)")
        }
        #expect(Palette.contrast(Palette.text, Palette.background) >= 4.5)
    }

    @Test(arguments: 0..<3)
    func theSameChartGivesTheSameBytes(chart index: Int) {
        let chart = Self.charts[index]
        #expect(chart.svg(id: "x") == chart.svg(id: "x"))
        #expect(chart.table.csv == chart.table.csv)
    }

    @Test func markupInLabelsIsEscaped() throws {
        let svg = Self.bars.svg(id: "bars")
        #expect(svg.contains("Marin &amp; &lt;Sonoma&gt;"))
        #expect(try #require(SVGOutline.parse(svg)).elements(named: "title").first?.text == Self.bars.title)
    }
}

/// A grid of counts, one row and one column per label, each cell shaded by its share of its
/// row and with its count written in it: "true situation × chosen situation".
public struct HeatMap: Chart {
    public var title: String
    public var summary: String
    /// What the rows and the columns are ("True situation", "Chosen").
    public var rowHeading: String
    public var columnHeading: String
    public var rows: [String]
    public var columns: [String]
    /// `counts[row][column]`.
    public var counts: [[Int]]

    public init(
        title: String, summary: String, rowHeading: String, columnHeading: String, rows: [String], columns: [String],
        counts: [[Int]]
    ) {
        self.title = title
        self.summary = summary
        self.rowHeading = rowHeading
        self.columnHeading = columnHeading
        self.rows = rows
        self.columns = columns
        self.counts = counts
    }

    public var table: DataTable {
        DataTable(
            caption: title, columns: ["\(rowHeading) \\ \(columnHeading)"] + columns,
            rows: rows.indices.map { row in [rows[row]] + columns.indices.map { String(count(row, $0)) } })
    }

    static let cellWidth = 64
    static let cellHeight = 28

    public func svg(id: String) -> String {
        let margin = ChartMetrics.margin
        let labelWidth = min(280, rows.map { ChartMetrics.width(of: $0) }.max() ?? 0)
        let left = margin + labelWidth + 8
        // Column labels are written at an angle above the columns.
        let headerHeight = min(200, (columns.map { ChartMetrics.width(of: $0) }.max() ?? 0) * 7 / 10) + 40
        let top = margin + headerHeight
        let width = left + columns.count * Self.cellWidth + labelWidth / 2 + margin
        let height = top + rows.count * Self.cellHeight + margin + 20
        var body = [
            SVGElement("text", [("x", String(margin)), ("y", String(margin + 10)), ("fill", Palette.text)], text: title),
            SVGElement(
                "text", [("x", String(left)), ("y", String(margin + 28)), ("fill", Palette.text)], text: "\(columnHeading) →"),
            SVGElement(
                "text", [("x", String(margin)), ("y", String(top + rows.count * Self.cellHeight + 20)), ("fill", Palette.text)],
                text: "↑ \(rowHeading)"),
        ]
        for (column, label) in columns.enumerated() {
            let x = left + column * Self.cellWidth + Self.cellWidth / 2
            body.append(
                SVGElement(
                    "text",
                    [("transform", "translate(\(x) \(top - 6)) rotate(-45)"), ("fill", Palette.text)],
                    text: BarChart.shortened(label, to: 240)))
        }
        for (row, label) in rows.enumerated() {
            let y = top + row * Self.cellHeight
            let total = columns.indices.reduce(0) { $0 + count(row, $1) }
            var cells = [
                SVGElement(
                    "text",
                    [
                        ("x", String(left - 6)), ("y", String(y + Self.cellHeight / 2 + 4)), ("text-anchor", "end"),
                        ("fill", Palette.text),
                    ], text: BarChart.shortened(label, to: labelWidth))
            ]
            for column in columns.indices {
                let value = count(row, column)
                let fill = Palette.sequential(total > 0 ? Double(value) / Double(total) : 0)
                let x = left + column * Self.cellWidth
                cells.append(
                    SVGElement(
                        "rect",
                        [
                            ("x", String(x)), ("y", String(y)), ("width", String(Self.cellWidth)),
                            ("height", String(Self.cellHeight)), ("fill", fill), ("stroke", Palette.background),
                        ]))
                cells.append(
                    SVGElement(
                        "text",
                        [
                            ("x", String(x + Self.cellWidth / 2)), ("y", String(y + Self.cellHeight / 2 + 4)),
                            ("text-anchor", "middle"), ("fill", Palette.text(on: fill)),
                        ], text: String(value)))
            }
            body.append(SVGElement("g", children: cells))
        }
        return document(id: id, width: width, height: height, body: body)
    }

    private func count(_ row: Int, _ column: Int) -> Int {
        row < counts.count && column < counts[row].count ? counts[row][column] : 0
    }
}

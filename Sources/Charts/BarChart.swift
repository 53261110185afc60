/// Horizontal bars, one per row, in the order given (sort them first), each labelled on the
/// left and with its value written at its end: "facility per item", sorted.
public struct BarChart: Chart {
    public struct Bar: Sendable, Equatable {
        public var label: String
        /// The bar's length, from 0 to the chart's ``BarChart/maximum``.
        public var value: Double
        /// The value as written beside the bar and in the table ("42%").
        public var valueText: String

        public init(label: String, value: Double, valueText: String) {
            self.label = label
            self.value = value
            self.valueText = valueText
        }
    }

    public var title: String
    public var summary: String
    /// The table's headings for the labels and the values.
    public var labelHeading: String
    public var valueHeading: String
    public var bars: [Bar]
    /// The value of a full-length bar (1 for shares).
    public var maximum: Double

    public init(
        title: String, summary: String, labelHeading: String, valueHeading: String, bars: [Bar], maximum: Double = 1
    ) {
        self.title = title
        self.summary = summary
        self.labelHeading = labelHeading
        self.valueHeading = valueHeading
        self.bars = bars
        self.maximum = maximum
    }

    public var table: DataTable {
        DataTable(caption: title, columns: [labelHeading, valueHeading], rows: bars.map { [$0.label, $0.valueText] })
    }

    static let barHeight = 18
    static let gap = 6
    static let plotWidth = 360

    public func svg(id: String) -> String {
        let margin = ChartMetrics.margin
        let labelWidth = min(320, bars.map { ChartMetrics.width(of: $0.label) }.max() ?? 0)
        let valueWidth = bars.map { ChartMetrics.width(of: $0.valueText) }.max() ?? 0
        let left = margin + labelWidth + 8
        let top = margin + 22
        let step = Self.barHeight + Self.gap
        let width = left + Self.plotWidth + 6 + valueWidth + margin
        let height = top + max(1, bars.count) * step + margin
        var body = [
            SVGElement("text", [("x", String(margin)), ("y", String(margin + 10)), ("fill", Palette.text)], text: title),
            SVGElement(
                "line",
                [
                    ("x1", String(left)), ("y1", String(top - 4)), ("x2", String(left)),
                    ("y2", String(top + bars.count * step)), ("stroke", Palette.grid),
                ]),
        ]
        for (row, bar) in bars.enumerated() {
            let y = top + row * step
            let share = maximum > 0 ? min(1, max(0, bar.value / maximum)) : 0
            let length = Int((share * Double(Self.plotWidth)).rounded())
            let middle = String(y + Self.barHeight / 2 + 4)
            body.append(
                SVGElement(
                    "g",
                    children: [
                        SVGElement(
                            "text", [("x", String(left - 6)), ("y", middle), ("text-anchor", "end"), ("fill", Palette.text)],
                            text: Self.shortened(bar.label, to: labelWidth)),
                        SVGElement(
                            "rect",
                            [
                                ("x", String(left)), ("y", String(y)), ("width", String(length)),
                                ("height", String(Self.barHeight)), ("fill", Palette.bar),
                            ]),
                        SVGElement(
                            "text", [("x", String(left + length + 6)), ("y", middle), ("fill", Palette.text)],
                            text: bar.valueText),
                    ]))
        }
        return document(id: id, width: width, height: height, body: body)
    }

    /// `label` cut to fit `width`, with an ellipsis (the table has it whole).
    static func shortened(_ label: String, to width: Int) -> String {
        let fits = width / ChartMetrics.characterWidth
        return label.count <= fits ? label : String(label.prefix(max(1, fits - 1))) + "…"
    }
}

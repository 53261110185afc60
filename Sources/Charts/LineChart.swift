/// A running figure over equal steps, drawn as a step line (it holds its value until the next
/// step), with an optional vertical marker at one step: "the share of staff who completed, by
/// weeks since their start, against the deadline". Each point is a dot; the marker's point and
/// the last point have their values written beside them, and the table has every one.
public struct LineChart: Chart {
    public struct Point: Sendable, Equatable {
        /// The step's name on the axis and in the table ("6").
        public var label: String
        /// The height, from 0 to the chart's ``LineChart/maximum``.
        public var value: Double
        /// The value as written in the chart and the table ("9 of 12 (75%)").
        public var valueText: String

        public init(label: String, value: Double, valueText: String) {
            self.label = label
            self.value = value
            self.valueText = valueText
        }
    }

    /// A vertical line at one point ("Deadline: 6 weeks").
    public struct Marker: Sendable, Equatable {
        /// The index of the point it stands at.
        public var point: Int
        public var label: String

        public init(point: Int, label: String) {
            self.point = point
            self.label = label
        }
    }

    /// A horizontal grid line and its label on the value axis.
    public struct GridLine: Sendable, Equatable {
        public var value: Double
        public var label: String

        public init(value: Double, label: String) {
            self.value = value
            self.label = label
        }
    }

    public var title: String
    public var summary: String
    /// The table's headings for the steps and the values ("Weeks since start", "Completed").
    public var stepHeading: String
    public var valueHeading: String
    public var points: [Point]
    /// The value at the top of the plot (1 for shares).
    public var maximum: Double
    public var marker: Marker?
    public var gridLines: [GridLine]

    /// Grid lines at 0, 50% and 100% of a share.
    public static let shareGridLines = [
        GridLine(value: 0, label: "0%"), GridLine(value: 0.5, label: "50%"), GridLine(value: 1, label: "100%"),
    ]

    public init(
        title: String, summary: String, stepHeading: String, valueHeading: String, points: [Point], maximum: Double = 1,
        marker: Marker? = nil, gridLines: [GridLine] = LineChart.shareGridLines
    ) {
        self.title = title
        self.summary = summary
        self.stepHeading = stepHeading
        self.valueHeading = valueHeading
        self.points = points
        self.maximum = maximum
        self.marker = marker
        self.gridLines = gridLines
    }

    public var table: DataTable {
        DataTable(
            caption: title, columns: [stepHeading, valueHeading],
            rows: points.enumerated().map { index, point in
                [marker?.point == index ? "\(point.label) (\(marker?.label ?? ""))" : point.label, point.valueText]
            })
    }

    static let plotWidth = 420
    static let plotHeight = 180

    public func svg(id: String) -> String {
        let margin = ChartMetrics.margin
        let axisWidth = (gridLines.map { ChartMetrics.width(of: $0.label) }.max() ?? 0) + 8
        let left = margin + axisWidth
        let top = margin + 52
        let bottom = top + Self.plotHeight
        let valueWidth = points.last.map { ChartMetrics.width(of: $0.valueText) } ?? 0
        let width = left + Self.plotWidth + 8 + valueWidth + margin
        let height = bottom + 44 + margin
        let positions = points.indices.map { x(of: $0, left: left) }
        func y(_ value: Double) -> Int {
            let share = maximum > 0 ? min(1, max(0, value / maximum)) : 0
            return bottom - Int((share * Double(Self.plotHeight)).rounded())
        }
        var body = [
            SVGElement("text", [("x", String(margin)), ("y", String(margin + 10)), ("fill", Palette.text)], text: title),
            SVGElement("text", [("x", String(margin)), ("y", String(margin + 30)), ("fill", Palette.text)], text: valueHeading),
        ]
        for line in gridLines {
            let at = String(y(line.value))
            body.append(
                SVGElement(
                    "g",
                    children: [
                        SVGElement(
                            "line",
                            [
                                ("x1", String(left)), ("y1", at), ("x2", String(left + Self.plotWidth)), ("y2", at),
                                ("stroke", Palette.grid), ("stroke-width", "1"),
                            ]),
                        SVGElement(
                            "text",
                            [
                                ("x", String(left - 6)), ("y", String(y(line.value) + 4)), ("text-anchor", "end"),
                                ("fill", Palette.text),
                            ],
                            text: line.label),
                    ]))
        }
        // The step labels that fit under the axis without overlapping, the first and last always.
        let labelWidth = (points.map { ChartMetrics.width(of: $0.label) }.max() ?? 0) + 8
        let spacing = points.count > 1 ? Double(Self.plotWidth) / Double(points.count - 1) : Double(Self.plotWidth)
        let every = max(1, Int((Double(labelWidth) / spacing).rounded(.up)))
        for (index, point) in points.enumerated() where index % every == 0 || index == points.count - 1 {
            body.append(
                SVGElement(
                    "text",
                    [
                        ("x", String(positions[index])), ("y", String(bottom + 18)), ("text-anchor", "middle"),
                        ("fill", Palette.text),
                    ],
                    text: point.label))
        }
        body.append(
            SVGElement(
                "text",
                [
                    ("x", String(left + Self.plotWidth / 2)), ("y", String(bottom + 38)), ("text-anchor", "middle"),
                    ("fill", Palette.text),
                ],
                text: stepHeading))
        if let marker, points.indices.contains(marker.point) {
            let at = String(positions[marker.point])
            body.append(
                SVGElement(
                    "g",
                    children: [
                        SVGElement(
                            "line",
                            [
                                ("x1", at), ("y1", String(top - 8)), ("x2", at), ("y2", String(bottom)),
                                ("stroke", Palette.marker),
                                ("stroke-width", "2"), ("stroke-dasharray", "6 4"),
                            ]),
                        SVGElement(
                            "text", [("x", at), ("y", String(top - 12)), ("text-anchor", "middle"), ("fill", Palette.text)],
                            text: marker.label),
                    ]))
        }
        if let first = points.first {
            var path = "M \(positions[0]) \(y(first.value))"
            for (index, point) in points.enumerated().dropFirst() {
                path += " H \(positions[index]) V \(y(point.value))"
            }
            body.append(
                SVGElement("path", [("d", path), ("fill", "none"), ("stroke", Palette.bar), ("stroke-width", "2")]))
        }
        var dots: [SVGElement] = []
        for (index, point) in points.enumerated() {
            dots.append(
                SVGElement(
                    "circle",
                    [("cx", String(positions[index])), ("cy", String(y(point.value))), ("r", "3"), ("fill", Palette.bar)]))
            if index == marker?.point || index == points.count - 1 {
                let above = index == points.count - 1 ? 0 : 10
                dots.append(
                    SVGElement(
                        "text",
                        [
                            ("x", String(positions[index] + 6)), ("y", String(y(point.value) - 6 - above)),
                            ("fill", Palette.text),
                        ], text: point.valueText))
            }
        }
        body.append(SVGElement("g", children: dots))
        return document(id: id, width: width, height: height, body: body)
    }

    /// The horizontal position of point `index`, the points spread evenly over the plot.
    private func x(of index: Int, left: Int) -> Int {
        guard points.count > 1 else { return left }
        return left + Int((Double(index) * Double(Self.plotWidth) / Double(points.count - 1)).rounded())
    }
}

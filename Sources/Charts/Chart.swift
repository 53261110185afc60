/// A chart drawn as SVG on the server (no script), with the same figures as a plain table
/// beside it for screen readers and spreadsheets.
///
/// Every chart kind (``BarChart``, ``HeatMap``, ``LineChart``) gives an accessible SVG document: `role="img"`, a `<title>` and a `<desc>` named
/// by `aria-labelledby`, values written as text, colours from a colour-blind-safe palette with
/// text that meets WCAG AA contrast on them. The same chart always gives the same bytes.
public protocol Chart: Sendable {
    /// What the chart shows, in a few words: the SVG's `<title>` and the table's caption.
    var title: String { get }
    /// What a reader should take from it, in a sentence or two: the SVG's `<desc>`.
    var summary: String { get }
    /// The chart's figures as a table.
    var table: DataTable { get }
    /// The SVG document; `id` (letters, digits and hyphens) prefixes the ids inside it, so
    /// that several charts can share one page.
    func svg(id: String) -> String
}

extension Chart {
    /// The `<svg>` element alone (no XML declaration), to write inside an HTML page.
    public func inlineSVG(id: String) -> String {
        let document = svg(id: id)
        guard document.hasPrefix("<?xml"), let end = document.firstIndex(of: "\n") else { return document }
        return String(document[document.index(after: end)...])
    }

    /// The `<svg>` root with its accessible name and description, around `body`.
    func document(id: String, width: Int, height: Int, body: [SVGElement]) -> String {
        let root = SVGElement(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("role", "img"), ("aria-labelledby", "\(id)-title \(id)-desc"),
                ("width", String(width)), ("height", String(height)), ("viewBox", "0 0 \(width) \(height)"),
                ("font-family", "DejaVu Sans, Verdana, sans-serif"), ("font-size", String(ChartMetrics.fontSize)),
            ],
            children: [
                SVGElement("title", [("id", "\(id)-title")], text: title),
                SVGElement("desc", [("id", "\(id)-desc")], text: summary),
                SVGElement("rect", [("width", "100%"), ("height", "100%"), ("fill", Palette.background)]),
            ] + body)
        return #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + root.rendered + "\n"
    }
}

/// Sizes shared by the charts, in pixels.
enum ChartMetrics {
    static let fontSize = 12
    /// A generous average width of a character at ``fontSize``, to leave room for labels.
    static let characterWidth = 7
    static let margin = 12

    static func width(of text: String) -> Int { text.count * characterWidth }
}

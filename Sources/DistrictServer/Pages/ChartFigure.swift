import Charts

/// A chart on a page: its SVG (drawn on the server, named by its title and description), then
/// the same figures as a table, its accessible equivalent. Each is a region a keyboard can
/// scroll: on a phone a chart keeps a readable size and scrolls sideways on its own, as the
/// tables do, rather than shrinking its text below reading size.
enum ChartFigure {
    /// The chart `id`-prefixed (its table's id is `id-table`).
    static func html(_ chart: any Chart, id: String) -> String {
        """
        <div class="chart" id="\(HTML.text(id))" role="region" aria-labelledby="\(HTML.text(id))-title" tabindex="0">
        \(chart.inlineSVG(id: id))</div>
        \(table(chart.table, id: id + "-table"))
        """
    }

    /// A table of figures in a region a keyboard can scroll, named by its caption.
    static func table(_ table: DataTable, id: String) -> String {
        """
        <div class="table" role="region" aria-label="\(HTML.text(table.caption))" tabindex="0">
        \(table.html(id: id))</div>
        """
    }
}

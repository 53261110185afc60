import Foundation

/// The cells of an HTML table of a page, as text (tags removed, entities read), for comparing
/// a page's table with a CSV or with figures counted in the test.
enum HTMLTable {
    /// The rows of the table whose `id` is `id` (header, body and footer rows), each a list of
    /// its cells' text; empty when there is no such table.
    static func rows(in html: String, id: String) -> [[String]] {
        guard let start = html.range(of: #"<table id="\#(id)">"#),
            let end = html[start.upperBound...].range(of: "</table>")
        else { return [] }
        let table = html[start.upperBound..<end.lowerBound]
        return table.components(separatedBy: "<tr>").dropFirst().map { row in
            cells(of: row)
        }
    }

    /// The rows of the table `id` in its body only (without the header and footer rows).
    static func bodyRows(in html: String, id: String) -> [[String]] {
        guard let start = html.range(of: #"<table id="\#(id)">"#),
            let body = html[start.upperBound...].range(of: "<tbody>"),
            let end = html[body.upperBound...].range(of: "</tbody>")
        else { return [] }
        return html[body.upperBound..<end.lowerBound].components(separatedBy: "<tr>").dropFirst().map(cells(of:))
    }

    private static func cells(of row: String) -> [String] {
        let pattern = /<t[hd][^>]*>(.*?)<\/t[hd]>/
        return row.matches(of: pattern).map { match in
            let text = String(match.output.1).replacing(/<[^>]+>/, with: "")
            return TestBrowser.Page.unescaped(text)
        }
    }

    /// The lines of a CSV of simple cells (no quotes), split at commas.
    static func csvRows(_ text: String) -> [[String]] {
        text.split(separator: "\r\n").map { line in line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }
}

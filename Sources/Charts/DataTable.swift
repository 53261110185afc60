/// A chart's figures as a plain table: a caption, column headings, and rows whose first cell
/// names the row. Written as CSV (RFC 4180, CRLF line ends) or as an HTML table with headers
/// scoped for screen readers.
public struct DataTable: Sendable, Equatable {
    public var caption: String
    public var columns: [String]
    public var rows: [[String]]

    public init(caption: String, columns: [String], rows: [[String]]) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
    }

    /// The heading row, then every row.
    public var csv: String {
        ([columns] + rows).map { $0.map(Self.csvField).joined(separator: ",") + "\r\n" }.joined()
    }

    /// A `<table>` with its caption, `<th scope="col">` headings and a `<th scope="row">` per row.
    public func html(id: String) -> String {
        var lines = ["<table id=\"\(Markup.escaped(id))\">", "<caption>\(Markup.escaped(caption))</caption>"]
        lines.append(
            "<thead><tr>" + columns.map { "<th scope=\"col\">\(Markup.escaped($0))</th>" }.joined() + "</tr></thead>")
        lines.append("<tbody>")
        for row in rows {
            let head = row.first.map { "<th scope=\"row\">\(Markup.escaped($0))</th>" } ?? ""
            lines.append("<tr>" + head + row.dropFirst().map { "<td>\(Markup.escaped($0))</td>" }.joined() + "</tr>")
        }
        lines += ["</tbody>", "</table>"]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func csvField(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }
}

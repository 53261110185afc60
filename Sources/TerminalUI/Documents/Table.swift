import Foundation

/// Rows of text under column names, printed as aligned columns or as CSV (RFC 4180).
public struct Table: Sendable, Equatable {
    public var columns: [String]
    public var rows: [[String]]

    public init(columns: [String], rows: [[String]]) {
        self.columns = columns
        self.rows = rows
    }

    /// Columns padded to their widest cell, two spaces apart.
    public func text() -> String {
        let all = [columns] + rows
        let widths = columns.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// Comma-separated, a header line first; cells with a comma, quote or line break are
    /// quoted, quotes doubled. A cell that a spreadsheet would take for a formula (it starts
    /// with =, +, -, @, a tab or a carriage return: a participant may type any name) starts
    /// with an apostrophe instead, so it shows as text.
    public func csv() -> String {
        ([columns] + rows).map { row in
            row.map { cell in
                let text = cell.first.map { "=+-@\t\r".contains($0) } == true ? "'" + cell : cell
                return text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
                    ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
            }.joined(separator: ",")
        }.joined(separator: "\r\n") + "\r\n"
    }
}

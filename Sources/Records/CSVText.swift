import Foundation

/// Rows under column names as CSV (RFC 4180): a header line first, CRLF line ends; cells with a
/// comma, quote or line break are quoted, quotes doubled. A cell that a spreadsheet would take
/// for a formula (it starts with =, +, -, @, a tab or a carriage return: a participant may type
/// any name) starts with an apostrophe instead, so it shows as text.
public struct CSVText: Sendable, Equatable {
    public var columns: [String]
    public var rows: [[String]]

    public init(columns: [String], rows: [[String]]) {
        self.columns = columns
        self.rows = rows
    }

    public var text: String {
        ([columns] + rows).map { row in
            row.map { cell in
                let text = cell.first.map { "=+-@\t\r".contains($0) } == true ? "'" + cell : cell
                return text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
                    ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
            }.joined(separator: ",")
        }.joined(separator: "\r\n") + "\r\n"
    }
}

import ArgumentParser
import TerminalUI

/// How a list prints: aligned columns for people, CSV for spreadsheets, JSON for programs.
enum TableFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json

    /// `table` as text or CSV, or `json` (any Encodable: the full values, not just the columns).
    func render(_ table: Table, json: some Encodable) throws -> String {
        switch self {
        case .table: table.text()
        case .csv: table.csv()
        case .json: try JSONOutput.string(json) + "\n"
        }
    }
}

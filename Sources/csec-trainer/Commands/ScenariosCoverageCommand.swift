import ArgumentParser
import ContentLoading
import Foundation
import ProtocolEngine
import ScenarioEngine
import TerminalUI

struct ScenariosCoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Show which vignettes exercise each jurisdiction × category × branch of the protocols.",
        discussion: """
            Branches: reached (the category is the answer), imminent-danger (911 first), \
            guardian-exception (the printed alternative when the parent or guardian is the \
            suspected exploiter), student-declines-parent-contact, evidence-sufficient and \
            evidence-not-sufficient (where a county prints an evidence step), and each county's \
            does-not-meet-criteria row. Exits 1, naming them, when a cell the protocols define has \
            no vignette: write one that reaches it.
            """
    )

    @Argument(help: "The directory of vignette files (default: the bundled Scenarios/).")
    var directory: String?
    @OptionGroup var content: ContentOptions
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func run() throws {
        let library = try content.loadLibrary()
        let folder = try directory.map(ContentOptions.url) ?? content.reportingErrors { try content.locate().scenariosDirectory }
        let bank = try content.reportingErrors { try ScenarioBank.load(from: folder, library: library) }
        if let error = bank.error {
            StandardError.print(error.description)
            throw ExitCode.failure
        }
        let matrix = CoverageMatrix(bank: bank.vignettes, protocols: library.protocols, engine: library.engine)
        let rows = matrix.cells.map { cell in
            CoverageRow(
                jurisdiction: cell.jurisdiction.rawValue, category: cell.category?.rawValue ?? "none",
                branch: cell.branch.rawValue, vignettes: matrix.vignettes[cell, default: []].map(\.rawValue))
        }
        switch format {
        case .json:
            print(try JSONOutput.string(rows))
        case .text:
            let table = Table(
                columns: ["jurisdiction", "category", "branch", "vignettes"],
                rows: rows.map { row in
                    let shown = row.vignettes.prefix(3).joined(separator: ", ")
                    let more = row.vignettes.count > 3 ? " (+\(row.vignettes.count - 3))" : ""
                    return [row.jurisdiction, row.category, row.branch, row.vignettes.isEmpty ? "NONE" : shown + more]
                })
            print(table.text())
        }
        let empty = matrix.emptyCells
        guard empty.isEmpty else {
            for cell in empty {
                StandardError.print(
                    "error: no vignette exercises \(cell.jurisdiction) / \(cell.category?.rawValue ?? "none") / "
                        + "\(cell.branch.rawValue). Write one whose facts and stages reach it.")
            }
            throw ExitCode.failure
        }
        if format == .text {
            print("\(matrix.cells.count) cells, every one exercised by \(bank.vignettes.count) vignettes.")
        }
    }
}

/// One cell of the coverage matrix, as printed.
struct CoverageRow: Encodable {
    var jurisdiction: String
    var category: String
    var branch: String
    var vignettes: [String]
}

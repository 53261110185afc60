import ArgumentParser
import ContentLoading
import Foundation
import TerminalUI

struct ProtocolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "protocol",
        abstract: "Print one jurisdiction's whole protocol.",
        discussion: """
            Shows the emergency rule, each situation category with its at-risk criteria and \
            ordered steps (who, conditions, actions, contacts, citation), the contacts as printed, \
            and every reading chosen where the county's extracted text was scrambled.
            """
    )

    @Argument(help: "The jurisdiction id, as listed by `csec-trainer protocols` (e.g. marin).")
    var id: String

    @OptionGroup var content: ContentOptions
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text
    @Option(help: "Wrap text to this many columns (default: the terminal's width).") var width: Int?

    func run() throws {
        let library = try content.loadLibrary()
        let jurisdiction = try library.requireJurisdiction(id)
        switch format {
        case .json:
            print(try JSONOutput.string(jurisdiction))
        case .text:
            let columns = width ?? TerminalSize.columns(environment: ProcessInfo.processInfo.environment)
            print(
                ProtocolDocument(jurisdiction: jurisdiction, vocabulary: library.vocabulary).render(width: columns),
                terminator: "")
        }
    }
}

import ArgumentParser
import ContentLoading
import Foundation
import ProtocolEngine
import TerminalUI

struct ProtocolsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "protocols",
        abstract: "List the jurisdictions and their situation categories.",
        discussion:
            "Each line shows the id to pass to other commands, the jurisdiction, the printed document and its categories."
    )

    @OptionGroup var content: ContentOptions
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func run() throws {
        let library = try content.loadLibrary()
        switch format {
        case .json:
            print(try JSONOutput.string(library.protocols.map(ProtocolSummary.init)))
        case .text:
            let wrap = TextWrapper(width: TerminalSize.columns(environment: ProcessInfo.processInfo.environment))
            for jurisdiction in library.protocols {
                print(
                    wrap.wrap(
                        "\(jurisdiction.id)  \(jurisdiction.name): \(jurisdiction.document)"
                    ))
                for category in jurisdiction.categories {
                    print(
                        wrap.wrap(
                            "- \(category.name) [\(category.id), \(category.steps.count) steps]", indent: "    ",
                            hangingIndent: "      "))
                }
            }
        }
    }
}

/// One line of `protocols --format json`.
struct ProtocolSummary: Encodable {
    var id: JurisdictionID
    var name: String
    var seed: String
    var printedVersion: String
    var categories: [Category]

    struct Category: Encodable {
        var id: CategoryID
        var name: String
        var covers: [Situation]
        var steps: Int
    }

    init(_ jurisdiction: JurisdictionProtocol) {
        id = jurisdiction.id
        name = jurisdiction.name
        seed = jurisdiction.source.seed
        printedVersion = jurisdiction.source.printedVersion
        categories = jurisdiction.categories.map { Category(id: $0.id, name: $0.name, covers: $0.covers, steps: $0.steps.count) }
    }
}

import ArgumentParser
import ContentLoading
import Foundation
import ProtocolEngine
import ScenarioEngine
import TerminalUI

struct ScenariosExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Print the protocol engine's answer key for every stage of a vignette.",
        discussion:
            "For each stage: the category (id and name) and the next step (number, wording, citation, or \"Protocol complete\"), with the reasons."
    )

    @Argument(help: "A vignette file.") var file: String
    @Option(help: "The jurisdiction id (see `csec-trainer protocols`).") var jurisdiction: String
    @OptionGroup var content: ContentOptions
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func run() throws {
        let library = try content.loadLibrary()
        let protocolFile = try library.requireJurisdiction(jurisdiction)
        let url = ContentOptions.url(file)
        let vignette = try content.reportingErrors {
            try VignetteFileReader.vignette(at: url, named: file, library: library)
        }
        let keys = library.engine.answerKeys(for: vignette, under: protocolFile)
        switch format {
        case .json:
            print(try JSONOutput.string(keys.enumerated().map { StageAnswer(stage: $0.offset + 1, answer: $0.element) }))
        case .text:
            let width = TerminalSize.columns(environment: ProcessInfo.processInfo.environment)
            print("\(vignette.title) (\(vignette.id)) under \(protocolFile.name)")
            for (stage, key) in keys.enumerated() {
                print("\nSTAGE \(stage + 1) of \(keys.count)")
                print(
                    AnswerKeyDocument(answer: key, jurisdiction: protocolFile, vocabulary: library.vocabulary).render(
                        width: width), terminator: "")
            }
        }
    }
}

/// One stage of `scenarios explain --format json`.
struct StageAnswer: Encodable {
    var stage: Int
    var answer: AnswerKey
}

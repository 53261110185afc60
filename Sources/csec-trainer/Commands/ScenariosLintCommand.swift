import ArgumentParser
import ContentLoading
import Foundation

struct ScenariosLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check every vignette file in a directory.",
        discussion: """
            Checks the format, unknown indicator, flag, action and jurisdiction ids, that each \
            vignette's id is its file name (and used once), and every author's `expect:` block \
            against what the protocol engine computes. Each problem is printed as file:line:column. Exits 1 if any is found.
            """
    )

    @Argument(help: "The directory of vignette files (default: the bundled Scenarios/).")
    var directory: String?

    @OptionGroup var content: ContentOptions

    func run() throws {
        let library = try content.loadLibrary()
        let folder = try directory.map(ContentOptions.url) ?? content.reportingErrors { try content.locate().scenariosDirectory }
        let bank = try content.reportingErrors {
            try ScenarioBank.load(from: folder, library: library, checkingExpectations: true)
        }
        if let error = bank.error {
            StandardError.print(error.description)
            let problems = error.all.count
            let files = Set(error.all.compactMap(\.file)).count
            StandardError.print(
                "\(problems) problem\(problems == 1 ? "" : "s") found in \(files) file\(files == 1 ? "" : "s"). "
                    + "Fix \(problems == 1 ? "it" : "them") and run `csec-trainer scenarios lint` again.")
            throw ExitCode.failure
        }
        print("\(bank.vignettes.count) vignettes checked against \(library.protocols.count) protocols: no problems.")
    }
}

import ArgumentParser
import Completion
import ContentLoading
import Foundation
import ProtocolEngine
import QuestionBanks

struct ExportQuestionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "questions",
        abstract: "Write a jurisdiction's questions as a question bank for Moodle or a QTI 2.1 tool.",
        discussion: """
            Every vignette's questions (the situation category, then the correct next step, at each \
            stage), with the engine's answers, the feedback on every option and the protocol \
            citation. The same seed gives the same questions in the same order. Formats: \
            moodle-xml and gift (one file; printed when --out is left out) and qti21 (a QTI 2.1 \
            content package: a new or empty folder with imsmanifest.xml and items/). \
            See docs/question-banks.md.
            """)

    @Option(help: "The format of the bank.") var format: QuestionBankFormat
    @Option(help: "The jurisdiction id (see `csec-trainer protocols`).") var jurisdiction: String
    @Option(help: "The seed that orders the vignettes and shuffles the options.") var seed: UInt64 = 1
    @Option(help: ArgumentHelp("The file to write (for qti21: the folder).", valueName: "path")) var out: String?
    @OptionGroup var content: ContentOptions

    func validate() throws {
        if format == .qti21, out == nil { throw ValidationError("--format qti21 writes a folder: give it with --out.") }
    }

    func run() throws {
        let training = try content.reportingErrors {
            try content.locate().loadTrainingContent(protocolsIn: content.protocolsDirectory.map(ContentOptions.url))
        }
        let county = try training.library.requireJurisdiction(jurisdiction)
        let bank = QuestionBankExport(content: training).bank(for: county, seed: seed)
        guard let out else {
            return print(QuestionBankExport.files(of: bank, as: format)[0].contents, terminator: "")
        }
        let location = URL(filePath: out, directoryHint: format.isSingleFile ? .notDirectory : .isDirectory)
        do {
            let files = try QuestionBankExport.write(bank, as: format, to: location)
            print(
                "\(bank.questions.count) questions for \(county.name) (seed \(seed)) written to \(location.path) (\(files) files)."
            )
        } catch {
            StandardError.print("Error: \(error.description)")
            throw ExitCode.failure
        }
    }
}

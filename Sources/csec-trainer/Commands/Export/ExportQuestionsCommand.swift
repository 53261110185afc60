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
            content package, imsmanifest.xml and items/: one zip when --out ends in .zip, else a \
            new or empty folder). See docs/question-banks.md.

            Example:
              csec-trainer export questions --format qti21 --jurisdiction marin --out marin-qti.zip
            """)

    @Option(help: "The format of the bank.") var format: QuestionBankFormat
    @Option(help: "The jurisdiction id (see `csec-trainer protocols`).") var jurisdiction: String
    @Option(help: "The seed that orders the vignettes and shuffles the options.") var seed: UInt64 = 1
    @Option(help: ArgumentHelp("The file to write (for qti21: a .zip, or a folder).", valueName: "path")) var out: String?
    @OptionGroup var content: ContentOptions

    func validate() throws {
        if format == .qti21, out == nil {
            throw ValidationError("--format qti21 writes a zip or a folder: give it with --out (e.g. --out marin-qti.zip).")
        }
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
        let isFolder = !format.isSingleFile && !QuestionBankExport.zips(to: URL(filePath: out))
        let location = URL(filePath: out, directoryHint: isFolder ? .isDirectory : .notDirectory)
        do {
            let files = try QuestionBankExport.write(bank, as: format, to: location)
            let what = format.isSingleFile ? "" : isFolder ? " (\(files) files)" : " (a zip of \(files) files)"
            print("\(bank.questions.count) questions for \(county.name) (seed \(seed)) written to \(location.path)\(what).")
        } catch {
            StandardError.print("Error: \(error.description)")
            throw ExitCode.failure
        }
    }
}

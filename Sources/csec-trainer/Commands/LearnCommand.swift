import ArgumentParser
import Certificates
import Completion
import ContentLoading
import Foundation
import RecordStore
import TerminalUI

struct LearnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learn",
        abstract: "A briefing before the quiz: your county's protocol in plain words, and a quick-reference card.",
        discussion: """
            For a trainee to read, or a facilitator to present, before the questions: the \
            situations the protocol responds to and its at-risk criteria, what to notice, what to \
            do when a student tells you, how a report is made, each step in order with why it \
            matters, the county's own definitions, and your site's contacts.

            Site contacts (law enforcement, child welfare, probation, victim advocate and the \
            employee assistance program) are filled in once per site in site.yaml in the data \
            directory, or the file given with --site (docs/site-contacts.md).

            Examples:
              csec-trainer learn --jurisdiction marin
              csec-trainer learn --jurisdiction marin --site lincoln.yaml --card card.pdf
              csec-trainer learn --jurisdiction san-diego --card - > card.pdf
            """)

    @Option(help: "The jurisdiction id (see `csec-trainer protocols`).") var jurisdiction: String
    @Option(
        help: ArgumentHelp(
            "Also write a one-page quick-reference card (PDF) here; `-` writes it to standard output alone.",
            valueName: "file.pdf"))
    var card: String?
    @Option(help: "Wrap text to this many columns (default: the terminal's width).") var width: Int?
    @OptionGroup var site: SiteOptions
    @OptionGroup var data: DataOptions
    @OptionGroup var content: ContentOptions

    func run() throws {
        let directory = try content.reportingErrors { try content.locate() }
        let library = try content.loadLibrary()
        let jurisdiction = try library.requireJurisdiction(self.jurisdiction)
        let materials = try site.materials(from: directory, library: library, dataDirectory: data.directory)
        if let card {
            let pdf: Data
            do {
                pdf = try PDFQuickReferenceCard().render(materials.card(for: jurisdiction))
            } catch {
                StandardError.print(error.description)
                throw ExitCode.failure
            }
            if card == "-" {
                FileHandle.standardOutput.write(pdf)
                return
            }
            do {
                try pdf.write(to: URL(filePath: card), options: .atomic)
            } catch {
                throw ValidationError("Cannot write the card to \(card): \(FileProblem.words(for: error)).")
            }
        }
        let environment = ProcessInfo.processInfo.environment
        let printer = SessionPrinter.forStandardOutput(environment: environment)
        let columns = width ?? printer.width
        let output = StandardOutput()
        output.write(ContentNoteDocument(note: materials.contentNote, style: printer.style).render(width: columns))
        output.write(
            BriefingDocument(briefing: materials.briefing(for: jurisdiction), style: printer.style).render(width: columns))
        if let hint = materials.missingSiteHint { StandardError.print(hint) }
        if let card { output.write("\nQuick-reference card saved: \(card)\n") }
    }
}

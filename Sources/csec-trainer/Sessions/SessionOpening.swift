import ArgumentParser
import Briefing
import Completion
import ContentLoading
import Foundation
import ProtocolEngine
import TerminalUI

#if canImport(Glibc)
    import Glibc
#endif

/// How `train` opens: the briefing offered first (`--skip-briefing` for refreshers), and the
/// site file that gives the content note its employee assistance line.
struct SessionOpeningOptions: ParsableArguments {
    @Flag(help: "Go straight to the questions, without offering the briefing (for refreshers).") var skipBriefing = false
    @Flag(help: "Show the briefing first without asking, also when answers come from a pipe.") var briefing = false
    @OptionGroup var site: SiteOptions

    func validate() throws {
        if skipBriefing, briefing { throw ValidationError("Use either --briefing or --skip-briefing, not both.") }
    }

    /// Prints the content note and returns what offering the briefing needs.
    func open(
        content: ContentOptions, library: ProtocolLibrary, data: DataOptions, output: any TextOutput
    ) throws -> SessionOpening {
        let directory = try content.reportingErrors { try content.locate() }
        let materials = try site.materials(from: directory, library: library, dataDirectory: data.directory)
        let printer = SessionPrinter.forStandardOutput(environment: ProcessInfo.processInfo.environment)
        output.write(ContentNoteDocument(note: materials.contentNote, style: printer.style).render(width: printer.width))
        let mode: SessionOpening.Mode =
            skipBriefing ? .skip : briefing ? .show : isatty(STDIN_FILENO) != 0 ? .ask : .skip
        return SessionOpening(materials: materials, mode: mode, printer: printer)
    }
}

/// The briefing, offered before a new session's first question.
struct SessionOpening {
    enum Mode {
        /// Ask on the terminal whether to read it first.
        case ask
        /// Show it without asking (`--briefing`).
        case show
        /// Go straight to the questions (`--skip-briefing`, or answers from a pipe).
        case skip
    }

    var materials: BriefingMaterials
    var mode: Mode
    var printer: SessionPrinter

    func offerBriefing(for jurisdiction: JurisdictionProtocol, reader: inout any LineReader, output: any TextOutput) {
        switch mode {
        case .skip:
            return
        case .ask:
            reader.setCompletions(["yes", "no"])
            let answer = reader.readLine(prompt: "Read the briefing on the \(jurisdiction.name) protocol first? [Y/n] ")
            guard let answer, !answer.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("n") else { return }
        case .show:
            break
        }
        let document = BriefingDocument(briefing: materials.briefing(for: jurisdiction), style: printer.style)
        output.write("\n" + document.render(width: printer.width) + "\n")
        if mode == .ask { _ = reader.readLine(prompt: "Press Enter when you are ready for the questions. ") }
    }
}

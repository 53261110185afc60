import ArgumentParser
import ContentLoading
import Foundation
import ProtocolEngine
import TerminalUI

struct AnswerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer",
        abstract: "Show the category and next step a protocol gives for a set of facts, with the reasons.",
        discussion: """
            Name the observed indicators and case flags; the protocol engine classifies them under \
            the jurisdiction and finds the next step, skipping steps already done (--done) and steps \
            whose printed condition does not hold. A step half done is named by the action taken \
            (--done involve-law-enforcement): the answer is what is still missing.

            Indicator ids are listed in Scoring/vocabulary.yaml. Flags: \
            \(CaseFlag.allCases.map(\.rawValue).joined(separator: ", ")).

            Example: csec-trainer answer --jurisdiction marin --indicator survival-sex \
            --flag guardian-is-suspected-exploiter --done 1 --done 2 --done 3
            """
    )

    @Option(help: "The jurisdiction id (see `csec-trainer protocols`).") var jurisdiction: String
    @Option(name: .customLong("indicator"), help: "An observed indicator id; repeat for several.") var indicators: [String] = []
    @Option(name: .customLong("flag"), help: "A case flag; repeat for several.") var flags: [CaseFlag] = []
    @Option(
        name: .customLong("done"),
        help: "A step number already done, or an action id already taken (such as contact-child-welfare); repeat for several.")
    var done: [String] = []
    @Flag(help: "The emergency rule (911) has already been followed.") var emergencyHandled = false

    @OptionGroup var content: ContentOptions
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func run() throws {
        let library = try content.loadLibrary()
        let protocolFile = try library.requireJurisdiction(jurisdiction)
        let known = library.vocabulary.indicators.map(\.id.rawValue)
        if let unknown = indicators.first(where: { !known.contains($0) }) {
            throw ValidationError("Unknown indicator '\(unknown)'. Known indicators: \(known.joined(separator: ", ")).")
        }
        let facts = Facts(indicators: Set(indicators.map { IndicatorID($0) }), flags: Set(flags))
        let engine = library.engine
        let steps = Set(done.compactMap { Int($0) })
        let actions = done.filter { Int($0) == nil }.map { ActionID($0) }
        let knownActions = library.vocabulary.actions.map(\.id)
        if let unknown = actions.first(where: { !knownActions.contains($0) }) {
            throw ValidationError(
                "'\(unknown)' is neither a step number nor an action id. Action ids: "
                    + knownActions.map(\.rawValue).joined(separator: ", ") + ".")
        }
        let taken = engine.actions(ofSteps: steps, emergencyHandled: emergencyHandled, for: facts, under: protocolFile)
        let answer = engine.answerKey(for: facts, done: taken.union(actions), under: protocolFile)
        switch format {
        case .json:
            print(try JSONOutput.string(answer))
        case .text:
            let width = TerminalSize.columns(environment: ProcessInfo.processInfo.environment)
            print(
                AnswerKeyDocument(answer: answer, jurisdiction: protocolFile, vocabulary: library.vocabulary).render(
                    width: width), terminator: "")
        }
    }
}

extension CaseFlag: ExpressibleByArgument {}

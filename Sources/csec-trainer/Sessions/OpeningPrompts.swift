import Foundation
import LocalStore
import ProtocolEngine
import TerminalUI
import Training

/// The questions `train` asks before a session for what the command line did not give. A typo
/// or an empty answer asks again, with a hint; the end of input throws ``InputEnded``, which
/// ends the program with a message, never a usage line.
struct OpeningPrompts {
    /// The input ended at `prompt` (Ctrl-D, or a script that gave too few lines).
    struct InputEnded: Error, CustomStringConvertible {
        var prompt: String

        var description: String {
            "No session started: the input ended at “\(prompt.trimmingCharacters(in: .whitespaces))”. Nothing was saved."
        }
    }

    var reader: any LineReader
    let output: any TextOutput
    /// Hints and lists are wrapped to the terminal's width.
    let wrapper: TextWrapper

    /// The trainee's name, asked until it is not empty.
    mutating func name() throws(InputEnded) -> String {
        let wrapper = wrapper
        return try ask("Your name: ", completions: []) { name in
            name.isEmpty ? wrapper.wrap("Please type your name, as it should appear on your completion record.") + "\n" : nil
        }
    }

    /// The county protocol, by id or name (see ``JurisdictionChoice``), asked until one matches.
    mutating func jurisdiction(in protocols: [JurisdictionProtocol]) throws(InputEnded) -> JurisdictionProtocol {
        let wrapper = wrapper
        let list = wrapper.wrap("County protocols: \(JurisdictionChoice.list(protocols)).") + "\n"
        output.write(list)
        let typed = try ask("Your county (id or name): ", completions: protocols.map(\.id.rawValue)) { typed in
            guard JurisdictionChoice.match(typed, in: protocols) == nil else { return nil }
            let what = typed.isEmpty ? "Please choose a county protocol." : "“\(typed)” is not one of the county protocols."
            return wrapper.wrap("\(what) Type an id or a name as listed.") + "\n" + list
        }
        return JurisdictionChoice.match(typed, in: protocols)!
    }

    /// How long the session is: a short refresher or the full course; Enter takes the course.
    mutating func length() throws(InputEnded) -> SessionLength {
        let choices: [SessionLength] = [.refresher, .course]
        for (index, length) in choices.enumerated() {
            output.write("  \(index + 1). \(length.summary.capitalizedFirst)\n")
        }
        let typed = try ask("How long? (1 or 2, Enter for the full course): ", completions: choices.map(\.name)) { typed in
            Self.length(typed, among: choices) == nil ? "Type 1 for the refresher or 2 for the full course.\n" : nil
        }
        return Self.length(typed, among: choices)!
    }

    /// A number in the list, a length's name, or nothing for the course.
    private static func length(_ typed: String, among choices: [SessionLength]) -> SessionLength? {
        if typed.isEmpty { return .course }
        if let number = Int(typed), choices.indices.contains(number - 1) { return choices[number - 1] }
        return choices.first { $0.name == typed.lowercased() }
    }

    /// A detail for the completion record; Enter skips it (nil).
    mutating func optional(_ prompt: String) throws(InputEnded) -> String? {
        let answer = try ask(prompt + " (Enter to skip): ", completions: []) { _ in nil }
        return answer.isEmpty ? nil : answer
    }

    /// One of several saved sessions, by its number in the list or its trainee's name.
    mutating func choice(of sessions: [SessionProgress]) throws(InputEnded) -> SessionProgress {
        output.write("Saved sessions on this computer:\n")
        for (index, session) in sessions.enumerated() {
            output.write("  \(index + 1). \(session.trainee) (\(session.jurisdiction)), \(session.answers.count) answers saved\n")
        }
        let names = sessions.map(\.trainee)
        let typed = try ask("Which one? (number or name): ", completions: names) { typed in
            Self.session(typed, in: sessions) == nil
                ? "Type a number from 1 to \(sessions.count), or a name as listed.\n" : nil
        }
        return Self.session(typed, in: sessions)!
    }

    private static func session(_ typed: String, in sessions: [SessionProgress]) -> SessionProgress? {
        if let number = Int(typed), sessions.indices.contains(number - 1) { return sessions[number - 1] }
        return sessions.first { $0.trainee.lowercased() == typed.lowercased() }
    }

    /// Asks until `problem` finds none in the trimmed answer, printing each problem found (its
    /// lines end with a newline).
    private mutating func ask(
        _ prompt: String, completions: [String], problem: (String) -> String?
    ) throws(InputEnded) -> String {
        reader.setCompletions(completions)
        while true {
            guard let line = reader.readLine(prompt: prompt) else {
                output.write("\n")
                throw InputEnded(prompt: prompt)
            }
            let answer = line.trimmingCharacters(in: .whitespaces)
            guard let problem = problem(answer) else { return answer }
            output.write(problem)
            output.flush()
        }
    }
}

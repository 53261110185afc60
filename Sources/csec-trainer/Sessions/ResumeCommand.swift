/// The command that continues a trainee's saved session, as this one was run: the program as it
/// was called, and the data and content options it was given, so the hint can be pasted as is.
struct ResumeCommand {
    /// The program as it was called (`csec-trainer`, `.build/debug/csec-trainer`).
    var program: String
    /// Options that must be repeated to find the same session and rebuild the same questions.
    var options: [String]

    init(program: String = CommandLine.arguments.first ?? "csec-trainer", options: [String]) {
        self.program = program
        self.options = options
    }

    /// `csec-trainer train --resume --name 'Ana Ruiz' --data-dir …`.
    func text(for trainee: String) -> String {
        ShellWords.join([program, "train", "--resume", "--name", trainee] + options)
    }

    /// `csec-trainer train --data-dir …`: a new session.
    var newSession: String {
        ShellWords.join([program, "train"] + options)
    }
}

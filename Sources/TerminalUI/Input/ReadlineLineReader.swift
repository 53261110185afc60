import CReadline

#if canImport(Glibc)
    import Glibc
#endif

/// GNU readline on a terminal: line editing, history, and tab completion of answer letters
/// and commands. On Ctrl-C readline restores the terminal, then calls the program's handler.
public struct ReadlineLineReader: LineReader {
    public init() {
        csec_rl_set_readline_name("csec-trainer")
        csec_rl_set_attempted_completion(attemptCompletion)
    }

    public mutating func setCompletions(_ words: [String]) {
        completionWords = words
    }

    /// While waiting for a line, `status` is asked four times a second; each new text it gives
    /// is printed above the prompt (the facilitator's live count of answers).
    public mutating func setLiveStatus(_ status: (() -> String?)?) {
        liveStatus = status
        lastStatus = nil
        csec_rl_set_event_hook(status == nil ? nil : showLiveStatus)
    }

    /// Puts the terminal back in its usual mode if readline is waiting for a key: for a program
    /// that exits from another thread (Ctrl-C during a group session).
    public static func restoreTerminal() {
        csec_rl_restore_terminal()
    }

    public mutating func readLine(prompt: String) -> String? {
        guard let pointer = readline(prompt) else { return nil }
        defer { free(pointer) }
        let line = String(cString: pointer)
        if line.contains(where: { !$0.isWhitespace }) { add_history(pointer) }
        return line
    }
}

// Readline calls back into these C functions on the one thread that called `readline`, so
// their state is plain global state; `nonisolated(unsafe)` says so.
nonisolated(unsafe) private var completionWords: [String] = []
nonisolated(unsafe) private var nextCandidate = 0
nonisolated(unsafe) private var liveStatus: (() -> String?)?
nonisolated(unsafe) private var lastStatus: String?

private let showLiveStatus: @convention(c) () -> Int32 = {
    guard let status = liveStatus?(), status != lastStatus else { return 0 }
    if csec_rl_print_above_prompt(status + "\n") != 0 { lastStatus = status }
    return 0
}

private let attemptCompletion:
    @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = {
        text, _, _ in
        csec_rl_completion_over()
        return rl_completion_matches(text, completionCandidate)
    }

private let completionCandidate: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = { text, state in
    if state == 0 { nextCandidate = 0 }
    let prefix = text.map { String(cString: $0) }?.lowercased() ?? ""
    while nextCandidate < completionWords.count {
        let word = completionWords[nextCandidate]
        nextCandidate += 1
        if word.lowercased().hasPrefix(prefix) { return strdup(word) }
    }
    return nil
}

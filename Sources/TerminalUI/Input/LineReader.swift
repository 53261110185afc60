#if canImport(Glibc)
    import Glibc
#endif

/// Reads one line of input, or nil at the end of input.
public protocol LineReader {
    /// Words offered by tab completion from now on.
    mutating func setCompletions(_ words: [String])
    /// A text to show whenever it changes while waiting for input; only a terminal can.
    mutating func setLiveStatus(_ status: (() -> String?)?)
    mutating func readLine(prompt: String) -> String?
}

extension LineReader {
    public mutating func setLiveStatus(_ status: (() -> String?)?) {}
}

/// Plain lines from standard input, for pipes and scripts: same behaviour, no line editing.
public struct PlainLineReader: LineReader {
    private let output: any TextOutput
    private let echo: Bool

    /// With `echo`, each line read is written after its prompt, so a piped session's output
    /// reads like a transcript.
    public init(output: any TextOutput, echo: Bool = false) {
        self.output = output
        self.echo = echo
    }

    public mutating func setCompletions(_ words: [String]) {}

    public mutating func readLine(prompt: String) -> String? {
        output.write(prompt)
        let line = Swift.readLine(strippingNewline: true)
        output.write(echo ? (line ?? "") + "\n" : "")
        output.flush()
        return line
    }
}

/// Any line reader, as one concrete type.
public struct AnyLineReader: LineReader {
    private var base: any LineReader

    public init(_ base: any LineReader) {
        self.base = base
    }

    public mutating func setCompletions(_ words: [String]) { base.setCompletions(words) }
    public mutating func setLiveStatus(_ status: (() -> String?)?) { base.setLiveStatus(status) }
    public mutating func readLine(prompt: String) -> String? { base.readLine(prompt: prompt) }
}

/// The reader of standard input: GNU readline on a terminal, plain lines from a pipe (each
/// written after its prompt when `echo`, so that a piped session reads like a transcript).
public func standardInputLineReader(output: any TextOutput, echo: Bool = false) -> any LineReader {
    isatty(STDIN_FILENO) != 0 ? ReadlineLineReader() : PlainLineReader(output: output, echo: echo)
}

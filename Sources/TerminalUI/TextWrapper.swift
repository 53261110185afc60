/// Wraps text to a width, with an indent for the first line and another for the rest.
///
/// Widths are measured as the terminal shows them: colour codes (ANSI escape sequences) take
/// no room. Lines break only at spaces, so a path is never split; and commands stay whole: a
/// span in backquotes, a `csec-trainer` command with its flags, and a `--flag` with its value
/// each stay on one line (see ``TextWrapper/units(of:)``). A unit longer than the line stands
/// on its own line.
public struct TextWrapper: Sendable, Equatable {
    public var width: Int

    public init(width: Int) {
        self.width = max(width, 20)
    }

    /// `text` wrapped at word boundaries, keeping commands and paths whole.
    public func wrap(_ text: String, indent: String = "", hangingIndent: String? = nil) -> String {
        let rest = hangingIndent ?? indent
        var lines: [String] = []
        var line = indent
        var lineHasWord = false
        for unit in Self.units(of: text) {
            let candidate = lineHasWord ? line + " " + unit : line + unit
            if lineHasWord, Self.visibleWidth(of: candidate) > width {
                lines.append(line)
                line = rest + unit
            } else {
                line = candidate
            }
            lineHasWord = true
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    /// The words of `text`, with the words that must stay together joined by single spaces:
    /// a span in backquotes (`` `csec-trainer train --resume` ``); a command, which is the word
    /// `csec-trainer` (or a path ending in it), up to two subcommand words and its `--flag value`
    /// pairs (the subcommands only with a flag after them or at the end of the text, so that
    /// prose about csec-trainer wraps as prose); and any other `--flag` with its value.
    public static func units(of text: String) -> [String] {
        var units: [String] = []
        var words = text.split(whereSeparator: \.isWhitespace).map(String.init)[...]
        while let word = words.popFirst() {
            var unit = word
            if word.hasPrefix("`"), word.dropFirst().firstIndex(of: "`") == nil {
                while let next = words.popFirst() {
                    unit += " " + next
                    if next.contains("`") { break }
                }
            } else if isProgram(word) {
                unit += command(after: &words)
            } else if word.hasPrefix("--"), !endsSentence(word) {
                unit += value(after: &words)
            }
            units.append(unit)
        }
        return units
    }

    /// The rest of a command from `words`: its subcommand words and flags, each with a space
    /// before it; nothing when it has neither.
    private static func command(after words: inout ArraySlice<String>) -> String {
        var rest = ""
        var remaining = words
        var subcommands = 0
        while subcommands < 2, let next = remaining.first, next.allSatisfy({ $0.isLowercase || $0 == "-" }),
            !next.hasPrefix("-")
        {
            rest += " " + next
            remaining.removeFirst()
            subcommands += 1
        }
        var flags = ""
        while let next = remaining.first, next.hasPrefix("--") {
            remaining.removeFirst()
            flags += " " + next
            if endsSentence(next) { break }
            flags += value(after: &remaining)
            if let last = flags.last, ".,;)”".contains(last) { break }
        }
        guard !flags.isEmpty || remaining.isEmpty else { return "" }
        words = remaining
        return rest + flags
    }

    /// The value after a flag from `words` (several words when quoted), with a space before it;
    /// nothing when the next word is another flag.
    private static func value(after words: inout ArraySlice<String>) -> String {
        guard let first = words.first, !first.hasPrefix("--") else { return "" }
        words.removeFirst()
        var value = " " + first
        if let quote = first.first, quote == "'" || quote == "\"", first.dropFirst().firstIndex(of: quote) == nil {
            while let next = words.popFirst() {
                value += " " + next
                if next.contains(quote) { break }
            }
        }
        return value
    }

    /// `csec-trainer`, or a path to it.
    private static func isProgram(_ word: String) -> Bool {
        word.split(separator: "/").last == "csec-trainer"
    }

    /// How many columns `text` takes on a terminal: its characters, less its escape sequences
    /// (`ESC [` … a final letter, as colours and bold are written).
    public static func visibleWidth(of text: String) -> Int {
        var width = 0
        var inEscape = false
        var afterEscape = false
        for scalar in text.unicodeScalars {
            if afterEscape {
                afterEscape = false
                inEscape = scalar == "["
                continue
            }
            if inEscape {
                if (0x40...0x7E).contains(scalar.value) { inEscape = false }
                continue
            }
            if scalar == "\u{1B}" {
                afterEscape = true
                continue
            }
            if !scalar.properties.isGraphemeExtend, scalar.properties.generalCategory != .format { width += 1 }
        }
        return width
    }

    private static func endsSentence(_ word: String) -> Bool {
        guard let last = word.last else { return false }
        return ".,;)”".contains(last) || (last == ":" && !word.contains("/"))
    }
}

/// Wraps text to a width, with an indent for the first line and another for the rest.
public struct TextWrapper: Sendable, Equatable {
    public var width: Int

    public init(width: Int) {
        self.width = max(width, 20)
    }

    /// `text` wrapped at word boundaries; a word longer than the line stands on its own line.
    public func wrap(_ text: String, indent: String = "", hangingIndent: String? = nil) -> String {
        let rest = hangingIndent ?? indent
        var lines: [String] = []
        var line = indent
        var lineHasWord = false
        for word in text.split(whereSeparator: \.isWhitespace) {
            let candidate = lineHasWord ? line + " " + word : line + word
            if lineHasWord, candidate.count > width {
                lines.append(line)
                line = rest + word
            } else {
                line = candidate
            }
            lineHasWord = true
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}

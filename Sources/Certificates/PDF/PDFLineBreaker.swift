/// Breaks text into lines no wider than a limit, given a way to measure a line. Breaks at
/// spaces; a single word wider than the limit is broken between characters.
struct PDFLineBreaker {
    /// The widest a line may be, in the unit `measure` returns.
    var maximumWidth: Double
    /// The width of a line of text.
    var measure: (String) -> Double

    /// The lines of `text`, in order; one empty line for empty text.
    func lines(_ text: String) -> [String] {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !words.isEmpty else { return [""] }
        var lines: [String] = []
        var current = ""
        for word in words {
            let candidate = current.isEmpty ? word : current + " " + word
            if measure(candidate) <= maximumWidth {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            let parts = pieces(of: word)
            lines.append(contentsOf: parts.dropLast())
            current = parts.last ?? ""
        }
        lines.append(current)
        return lines
    }

    /// `word` whole when it fits, else cut into the longest runs of characters that fit.
    private func pieces(of word: String) -> [String] {
        guard measure(word) > maximumWidth else { return [word] }
        var pieces: [String] = []
        var current = ""
        for character in word {
            if !current.isEmpty, measure(current + String(character)) > maximumWidth {
                pieces.append(current)
                current = ""
            }
            current.append(character)
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }
}

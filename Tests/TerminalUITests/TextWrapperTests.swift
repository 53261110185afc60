import TerminalUI
import Testing

struct TextWrapperTests {
    @Test(arguments: [20, 40, 80])
    func linesFitTheWidth(_ width: Int) {
        let text = String(repeating: "Involve local law enforcement for possible investigation. ", count: 6)
        let wrapped = TextWrapper(width: width).wrap(text, indent: "  ", hangingIndent: "    ")
        for line in wrapped.split(separator: "\n") {
            #expect(line.count <= width, "\(line)")
        }
        #expect(wrapped.split(whereSeparator: \.isWhitespace) == text.split(whereSeparator: \.isWhitespace))
    }

    @Test func hangingIndentStartsEveryLaterLine() {
        let wrapped = TextWrapper(width: 20).wrap("one two three four five six seven", indent: "- ", hangingIndent: "  ")
        let lines = wrapped.split(separator: "\n")
        #expect(lines.first?.hasPrefix("- ") == true)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  ") && !$0.hasPrefix("   ") })
    }

    @Test func aWordLongerThanTheLineStandsAlone() {
        let url = "www.smcoe.org/schoolsafety/a-very-long-path-indeed"
        #expect(TextWrapper(width: 20).wrap("see \(url) now") == "see\n\(url)\nnow")
    }
}

/// Colour codes take no room on the screen, so they count for nothing when a line is measured.
struct ANSIAwareWrappingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var width: Int
        var testDescription: String { text.replacing("\u{1B}", with: "ESC") }
    }

    static let cases = [
        Case(text: "\u{1B}[32mCorrect.\u{1B}[0m", width: 8),
        Case(text: "\u{1B}[1m\u{1B}[31mNot quite.\u{1B}[0m", width: 10),
        Case(text: "plain", width: 5),
        Case(text: "", width: 0),
        Case(text: "Jose\u{301}", width: 4),
    ]

    @Test(arguments: cases)
    func theVisibleWidthLeavesOutEscapes(_ example: Case) {
        #expect(TextWrapper.visibleWidth(of: example.text) == example.width)
    }

    @Test func colouredTextWrapsWhereThePlainTextDoes() {
        let style = TextStyle(color: true)
        let words = "The correct answer is B: talk with the student privately and calmly, then report.".split(separator: " ")
        let coloured = words.enumerated().map {
            $0.offset.isMultiple(of: 2) ? style.good(String($0.element)) : String($0.element)
        }
        let plain = TextWrapper(width: 30).wrap(words.joined(separator: " ")).split(separator: "\n")
        let wrapped = TextWrapper(width: 30).wrap(coloured.joined(separator: " ")).split(separator: "\n")
        #expect(wrapped.map { TextWrapper.visibleWidth(of: String($0)) } == plain.map(\.count))
    }
}

/// Commands and paths are never split across lines, so they can be copied whole.
struct UnbrokenCommandTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var whole: String
        var testDescription: String { whole }
    }

    static let cases = [
        Case(
            text: "Progress saved: 3 of 12 questions answered. Continue with: csec-trainer train --resume --name 'Ana Ruiz'",
            whole: "csec-trainer train --resume --name 'Ana Ruiz'"),
        Case(
            text:
                "quit (stop now; your answers are saved and `/opt/bin/csec-trainer train --resume --data-dir /tmp/x` continues).",
            whole: "`/opt/bin/csec-trainer train --resume --data-dir /tmp/x`"),
        Case(
            text: "Check that the folder is writable, or pass --data-dir /srv/csec/data to choose one.",
            whole: "--data-dir /srv/csec/data"),
    ]

    @Test(arguments: cases, [20, 28, 36, 50])
    func aCommandOrPathStaysOnOneLine(_ example: Case, width: Int) {
        let wrapped = TextWrapper(width: width).wrap(example.text)
        #expect(wrapped.split(separator: "\n").contains { $0.contains(example.whole) }, "\(wrapped)")
        #expect(wrapped.split(whereSeparator: \.isWhitespace) == example.text.split(whereSeparator: \.isWhitespace))
    }
}

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

import Testing

@testable import Certificates

/// How a printed link is broken over lines: as full as each line holds, never a line ending in
/// a hyphen (pdftotext, like a reader, takes it for a word broken at the line's end).
@Suite("Invitation link breaker")
struct InvitationSheetLinkBreakerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var link: String
        var perLine: Int
        var lines: [String]
        var testDescription: String { "\(link) at \(perLine) a line" }
    }

    static let cases = [
        Case(link: "https://a.example/i/abcdef", perLine: 10, lines: ["https://a.", "example/i/", "abcdef"]),
        Case(link: "https://a.example/i/abc", perLine: 40, lines: ["https://a.example/i/abc"]),
        Case(link: "abcdefghi-jklmn", perLine: 10, lines: ["abcdefghi", "-jklmn"]),
        Case(link: "abcdefghij-klmn", perLine: 10, lines: ["abcdefghij", "-klmn"]),
        Case(link: "abcdefgh--jklmn", perLine: 10, lines: ["abcdefgh", "--jklmn"]),
        Case(link: "abcdefghi-", perLine: 10, lines: ["abcdefghi-"]),
        Case(link: "-----", perLine: 2, lines: ["-", "-", "-", "--"]),
        Case(link: "", perLine: 10, lines: []),
    ]

    @Test(arguments: cases)
    func breaks(_ rule: Case) {
        let breaker = InvitationLinkBreaker { $0.count <= rule.perLine }
        let lines = breaker.lines(rule.link)
        #expect(lines == rule.lines)
        #expect(lines.joined() == rule.link)
    }
}

import Testing

@testable import Records

/// A person is one person across records whatever the case and spacing of their id, e-mail or
/// name: the key is the text lower-cased, its runs of white space one space, none at the ends.
@Suite struct PersonKeyTests {
    /// The rule, as written the plain way.
    static func expected(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test(
        arguments: [
            "Ana Ruiz", "  ANA   ruiz ", "E-1042", "e-1042", "\tSam\r\nOkafor\u{0B}", "José Núñez", "ZOË  ŁUKASIEWICZ",
            "Nguyễn\u{00A0}Thị Minh", "İstanbul", "", "   ", "a\u{2003}b", "x\u{1C}y",
        ])
    func theKeyFollowsTheRule(_ text: String) {
        #expect(PersonKey(Trainee(name: text)).value == "name:" + Self.expected(text))
    }

    @Test func theKeyFollowsTheRuleForEveryText() {
        var generator = SystemRandomNumberGenerator()
        let pieces: [String] = ["a", "Z", "m", "7", "-", " ", "  ", "\t", "\n", "\r\n", "é", "Ł", "\u{00A0}", "ß", "ǅ"]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            #expect(PersonKey(Trainee(name: text)).value == "name:" + Self.expected(text), "\(Array(text.unicodeScalars))")
        }
    }
}

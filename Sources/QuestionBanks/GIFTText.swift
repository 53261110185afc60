import XMLWriting

/// Text made safe for GIFT (https://docs.moodle.org/en/GIFT_format).
enum GIFTText {
    /// The characters GIFT gives a meaning to, escaped with a backslash wherever they appear in text.
    static let special: Set<Character> = ["~", "=", "#", "{", "}", ":"]

    /// `text` with a backslash before every special character and before a backslash, and each
    /// line break (which could end the question at a blank line) made a space.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if character.isNewline {
                result.append(" ")
                continue
            }
            if character == "\\" || special.contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// `text` as an answer or an answer's feedback: braces become parentheses before escaping.
    /// Readers end an answer at the first closing brace, even an escaped one (pygiftparser 1.1
    /// does), so an escaped brace there would cut the answer short.
    static func inAnswer(_ text: String) -> String {
        escaped(String(text.map { $0 == "{" ? "(" : $0 == "}" ? ")" : $0 }))
    }

    /// `text` as HTML (the question's `[html]` format applies to its answers too), then escaped.
    static func html(_ text: String, inAnswer: Bool = false) -> String {
        let html = XMLText.htmlEscaped(text)
        return inAnswer ? Self.inAnswer(html) : escaped(html)
    }
}

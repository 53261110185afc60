/// Text made safe for XML, as the question banks and the LMS packages write it: the five
/// predefined entities, and no character XML 1.0 forbids.
public enum XMLText {
    /// `text` as element content or an attribute value (quoted with `"`).
    public static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                // Control characters (and U+FFFE, U+FFFF) cannot appear in XML 1.0 at all.
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `text` as HTML inside a CDATA section (Moodle's `format="html"` text): escaped as HTML,
    /// so the section never holds `]]>` and an HTML reader gets the plain text back.
    public static func htmlInCDATA(_ html: String) -> String {
        "<![CDATA[\(html)]]>"
    }

    /// `text` as HTML element content: `&`, `<` and `>` escaped (quotes need no escape there,
    /// and `&apos;` is not HTML 4).
    public static func htmlEscaped(_ text: String) -> String {
        escaped(text).replacing("&quot;", with: "\"").replacing("&apos;", with: "'")
    }

    /// `paragraphs` as HTML `<p>` elements, each escaped.
    public static func htmlParagraphs(_ paragraphs: [String]) -> String {
        paragraphs.map { "<p>\(htmlEscaped($0))</p>" }.joined()
    }
}

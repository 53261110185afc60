import Briefing

extension ContentNote {
    /// The note as an HTML section for the participant's join screen (and the district server's
    /// training pages), every text escaped.
    public var html: String {
        let lines = supportLines.map { "    <li>\(Self.escaped($0.text))</li>" }.joined(separator: "\n")
        return """
            <section id="content-note" aria-labelledby="content-note-heading">
              <h2 id="content-note-heading">\(Self.escaped(heading))</h2>
              <p>\(Self.escaped(text))</p>
              <ul>
            \(lines)
              </ul>
            </section>
            """
    }

    /// `text` with the characters HTML gives meaning to written as entities.
    public static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Where the participant page takes the note.
    static let marker = "<!-- content-note -->"
}

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
        // Byte by byte: the five are ASCII, so no byte of another UTF-8 character is one of them
        // (and one that a combining mark follows is still escaped). Most texts need none.
        func entity(_ byte: UInt8) -> String? {
            switch byte {
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            case UInt8(ascii: "\""): "&quot;"
            case UInt8(ascii: "'"): "&#39;"
            default: nil
            }
        }
        guard text.utf8.contains(where: { entity($0) != nil }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 32)
        for byte in text.utf8 {
            if let entity = entity(byte) { out += entity.utf8 } else { out.append(byte) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Where the participant page takes the note.
    static let marker = "<!-- content-note -->"
}

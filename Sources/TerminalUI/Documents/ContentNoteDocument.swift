import Briefing

/// The content note as terminal text: what every session prints first.
public struct ContentNoteDocument: Sendable {
    public var note: ContentNote
    public var style: TextStyle

    public init(note: ContentNote, style: TextStyle = TextStyle(color: false)) {
        self.note = note
        self.style = style
    }

    public func render(width: Int) -> String {
        let wrap = TextWrapper(width: width)
        let lines =
            [style.bold(wrap.wrap(note.heading)), wrap.wrap(note.text)]
            + note.supportLines.map { wrap.wrap("- \($0.text)", indent: "  ", hangingIndent: "    ") }
        return lines.joined(separator: "\n") + "\n\n"
    }
}

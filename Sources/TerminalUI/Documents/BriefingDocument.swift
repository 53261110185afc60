import Briefing

/// A briefing as terminal text, wrapped to a width.
public struct BriefingDocument: Sendable {
    public var briefing: Briefing
    public var style: TextStyle

    public init(briefing: Briefing, style: TextStyle = TextStyle(color: false)) {
        self.briefing = briefing
        self.style = style
    }

    public func render(width: Int) -> String {
        let wrap = TextWrapper(width: width)
        var out = [style.bold(wrap.wrap(briefing.title.uppercased())), wrap.wrap(briefing.protocolLine)]
        for section in briefing.sections {
            out.append("")
            out.append(style.bold(wrap.wrap(section.heading.uppercased())))
            for block in section.blocks {
                out.append(contentsOf: lines(block, wrap))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func lines(_ block: BriefingBlock, _ wrap: TextWrapper) -> [String] {
        switch block {
        case .paragraph(let text):
            [wrap.wrap(text, indent: "  ")]
        case .subheading(let text):
            ["", style.bold(wrap.wrap(text, indent: "  ", hangingIndent: "    "))]
        case .list(let items):
            items.map { wrap.wrap("- \($0)", indent: "  ", hangingIndent: "    ") }
        case .note(let text):
            [style.dim(wrap.wrap("Note: \(text)", indent: "  ", hangingIndent: "    "))]
        case .step(let number, let wording, let details):
            [wrap.wrap(wording, indent: "  Step \(number). ", hangingIndent: "          ")]
                + details.map { wrap.wrap($0, indent: "          ", hangingIndent: "            ") }
        }
    }
}

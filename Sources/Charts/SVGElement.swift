/// An element of an SVG document: attributes in the order given, escaped text, children.
/// Written out the same way every time.
struct SVGElement: Sendable, Equatable {
    var name: String
    var attributes: [(String, String)]
    var text: String?
    var children: [SVGElement]

    init(_ name: String, _ attributes: [(String, String)] = [], text: String? = nil, children: [SVGElement] = []) {
        self.name = name
        self.attributes = attributes
        self.text = text
        self.children = children
    }

    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.name == rhs.name && lhs.text == rhs.text && lhs.children == rhs.children
            && lhs.attributes.elementsEqual(rhs.attributes) { $0 == $1 }
    }

    var rendered: String {
        let opening = "<" + name + attributes.map { " \($0)=\"\(Markup.escaped($1))\"" }.joined()
        if text == nil, children.isEmpty { return opening + "/>" }
        let inner = (text.map(Markup.escaped) ?? "") + children.map { "\n" + $0.rendered }.joined()
        return opening + ">" + inner + (children.isEmpty ? "" : "\n") + "</\(name)>"
    }
}

/// Escaping for XML and HTML text and attribute values.
enum Markup {
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}

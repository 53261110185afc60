/// ANSI emphasis, or none (pipes, `NO_COLOR`).
public struct TextStyle: Sendable, Equatable {
    public var color: Bool

    public init(color: Bool) {
        self.color = color
    }

    /// Colour only on a terminal, and never when `NO_COLOR` is set (https://no-color.org).
    public static func forTerminal(isTerminal: Bool, environment: [String: String]) -> TextStyle {
        TextStyle(color: isTerminal && (environment["NO_COLOR"] ?? "").isEmpty)
    }

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func good(_ text: String) -> String { wrap(text, "32") }
    public func bad(_ text: String) -> String { wrap(text, "31") }
    public func dim(_ text: String) -> String { wrap(text, "2") }

    private func wrap(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

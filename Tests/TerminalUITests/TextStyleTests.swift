import Testing

@testable import TerminalUI

/// Colour only on a terminal, and never when NO_COLOR is set to anything (https://no-color.org).
struct TextStyleTests {
    @Test(
        arguments: [
            (true, [:], true),
            (true, ["NO_COLOR": "1"], false),
            (true, ["NO_COLOR": "yes please"], false),
            (true, ["NO_COLOR": ""], true),
            (false, [:], false),
        ] as [(Bool, [String: String], Bool)])
    func colourDependsOnTheTerminalAndNoColor(isTerminal: Bool, environment: [String: String], colour: Bool) {
        let style = TextStyle.forTerminal(isTerminal: isTerminal, environment: environment)
        #expect(style.color == colour)
        #expect(style.bold("Correct.").contains("\u{1B}[") == colour)
    }
}

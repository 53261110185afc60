import BrowserTesting
import Testing

/// What a person does on the district server's pages, through Chromium's input pipeline: follow
/// a link or press a button and wait for the next page, use the keys, read what came back.
extension BrowserPage {
    /// Clicks `selector` and waits for the next page (a new document: the one shown is marked
    /// first, since its path may start with `path` too), whose path starts with `path`.
    func submit(_ selector: String, expecting path: String = "/", timeout: Duration = .seconds(10)) async throws {
        _ = try await evaluate("window.stillTheEarlierPage = true")
        try await click(selector)
        try await waitUntil(
            "the page \(path)", timeout: timeout,
            #"window.stillTheEarlierPage === undefined && location.pathname.startsWith("\#(path)") "#
                + #"&& document.readyState === "complete""#)
    }

    /// Clicks the link `selector` in the middle of its first line: a link that wraps over two
    /// lines has the middle of its box between them, over other words.
    func clickLink(_ selector: String) async throws {
        let point = try await evaluate(
            """
            (() => {
              const link = document.querySelector(\(JSON.string(selector).text));
              if (!link) return null;
              link.scrollIntoView({ block: "center" });
              const line = link.getClientRects()[0];
              return [line.x + line.width / 2, line.y + line.height / 2];
            })()
            """)
        guard let x = point.array?.first?.number, let y = point.array?.last?.number else {
            throw DevToolsError.failed("click", message: "no link \(selector)")
        }
        for type in ["mousePressed", "mouseReleased"] {
            try await send(
                "Input.dispatchMouseEvent",
                ["type": .string(type), "x": .number(x), "y": .number(y), "button": "left", "clickCount": 1])
        }
    }

    /// The HTTP status of the document shown (the answer to the navigation that brought it).
    func documentStatus() async throws -> Int? {
        try await evaluate(#"performance.getEntriesByType("navigation")[0].responseStatus"#).number.map { Int($0) }
    }

    /// The text of the page's first `<h1>`.
    func heading() async throws -> String? {
        try await evaluate(#"document.querySelector("h1") ? document.querySelector("h1").textContent : null"#).string
    }

    /// Answers the question shown with the keys alone, choosing the option at `position`: Tab
    /// to the options, arrows to the answer, Tab to the button, Enter. Each control reached
    /// shows a focus ring.
    func answerWithTheKeyboard(choosing position: Int) async throws {
        try await press("Tab", keyCode: 9, until: #"document.activeElement.matches("input[type=radio]")"#)
        let ring = try await evaluate("getComputedStyle(document.activeElement).outlineStyle").string
        #expect(ring != "none", "the focused option shows where the keyboard is")
        if position == 0 {
            try await key(" ", code: "Space", keyCode: 32)
        } else {
            for _ in 0..<position { try await key("ArrowDown", code: "ArrowDown", keyCode: 40) }
        }
        try await press(
            "Tab", keyCode: 9, until: #"document.activeElement.matches("form[action='/training/answer'] button")"#)
        try await key("Enter", code: "Enter", keyCode: 13, text: "\r")
        try await waitUntil(
            "the feedback page", #"location.pathname === "/training/feedback" && document.readyState === "complete""#)
    }

    /// Presses `name` until `condition` holds (at most 20 times).
    private func press(_ name: String, keyCode: Int, until condition: String) async throws {
        for _ in 0..<20 {
            if try await evaluate(condition).bool == true { return }
            try await key(name, code: name, keyCode: keyCode)
        }
        Issue.record("\(condition) never held after pressing \(name)")
    }

    /// One key pressed and released.
    private func key(_ key: String, code: String, keyCode: Int, text: String? = nil) async throws {
        var down: [String: JSON] = [
            "type": "keyDown", "key": .string(key), "code": .string(code), "windowsVirtualKeyCode": .number(Double(keyCode)),
        ]
        if let text { down["text"] = .string(text) }
        try await send("Input.dispatchKeyEvent", down)
        down["type"] = "keyUp"
        down["text"] = nil
        try await send("Input.dispatchKeyEvent", down)
    }
}

extension Screenshots {
    /// axe-core finds no serious or critical violation on `page`, it does not scroll sideways,
    /// and its screenshot is kept as `name`.
    func check(_ page: BrowserPage, named name: String) async throws {
        #expect(try await AxeCore.seriousViolations(on: page) == [], "\(name)")
        let sideways = try await page.evaluate("document.documentElement.scrollWidth > window.innerWidth").bool
        #expect(sideways == false, "\(name) scrolls sideways")
        try keep(try await page.screenshot(), as: name)
    }
}

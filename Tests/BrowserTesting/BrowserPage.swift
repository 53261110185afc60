import Foundation

/// One tab, attached over the browser's DevTools connection: JavaScript to read the DOM, and
/// clicks and typing through Chromium's input pipeline, as a user's would arrive.
public struct BrowserPage: Sendable {
    public let devTools: DevToolsConnection
    public let sessionID: String

    /// Sends a DevTools command to this page.
    @discardableResult
    public func send(_ method: String, _ params: [String: JSON] = [:]) async throws -> JSON {
        try await devTools.send(method, params, sessionID: sessionID)
    }

    /// Loads `url` and waits until the document has loaded.
    public func navigate(to url: String) async throws {
        let navigation = try await send("Page.navigate", ["url": .string(url)])
        if let error = navigation["errorText"].string { throw DevToolsError.failed("Page.navigate \(url)", message: error) }
        try await waitUntil("\(url) to load", #"document.readyState === "complete""#)
    }

    /// The value of the JavaScript `expression` (awaited if a promise), as JSON.
    public func evaluate(_ expression: String) async throws -> JSON {
        let evaluated = try await send(
            "Runtime.evaluate", ["expression": .string(expression), "returnByValue": true, "awaitPromise": true])
        if case .object = evaluated["exceptionDetails"] {
            let details = evaluated["exceptionDetails"]
            throw DevToolsError.javaScript(
                details["exception"]["description"].string ?? details["text"].string ?? "?", expression: expression)
        }
        return evaluated["result"]["value"]
    }

    /// Waits until the JavaScript `condition` is true, checking every 100 ms. On timeout the
    /// error names `what` and shows the page's text and errors.
    public func waitUntil(_ what: String, timeout: Duration = .seconds(10), _ condition: String) async throws {
        do {
            try await Waiting.until(what, timeout: timeout) { try await evaluate(condition).bool == true }
        } catch var timedOut as Waiting.TimedOut {
            let text = (try? await evaluate("document.body ? document.body.innerText : ''").string) ?? "?"
            timedOut.detail = "The page shows:\n\(text)\nPage errors: \(errors())"
            throw timedOut
        }
    }

    /// Clicks the middle of the element `selector` with the mouse, scrolled into view first.
    public func click(_ selector: String) async throws {
        let point = try await evaluate(
            """
            (() => {
              const element = document.querySelector(\(JSON.string(selector).text));
              if (!element) return null;
              element.scrollIntoView({ block: "center" });
              const box = element.getBoundingClientRect();
              return [box.x + box.width / 2, box.y + box.height / 2];
            })()
            """)
        guard let x = point.array?.first?.number, let y = point.array?.last?.number else {
            throw DevToolsError.failed("click", message: "no element \(selector)")
        }
        for type in ["mousePressed", "mouseReleased"] {
            try await send(
                "Input.dispatchMouseEvent",
                ["type": .string(type), "x": .number(x), "y": .number(y), "button": "left", "clickCount": 1])
        }
    }

    /// Clicks into the field `selector` and types `text` at its cursor.
    public func type(_ text: String, into selector: String) async throws {
        try await click(selector)
        try await send("Input.insertText", ["text": .string(text)])
    }

    /// A PNG of the whole page, also what lies below the window.
    public func screenshot() async throws -> Data {
        let size = try await send("Page.getLayoutMetrics")["cssContentSize"]
        let clip: JSON = ["x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1]
        let shot = try await send("Page.captureScreenshot", ["format": "png", "captureBeyondViewport": true, "clip": clip])
        guard let data = shot["data"].string.flatMap({ Data(base64Encoded: $0) }) else {
            throw DevToolsError.failed("Page.captureScreenshot", message: "no PNG data")
        }
        return data
    }

    /// Uncaught exceptions and error log entries of this page so far.
    public func errors() -> [String] {
        devTools.pageErrors(in: sessionID)
    }
}

import BrowserTesting
import Foundation
import ScenarioEngine
import TestSupport
import Training

/// Drives the player in a page, either the whole page or its frame `frame` (as an LMS shows
/// it): clicks go through Chromium's input pipeline at the element's middle, as a learner's would.
struct LessonRun {
    var page: BrowserPage
    /// The id of the frame the player is in; nil when the player is the page.
    var frame: String?

    /// The player's document, as JavaScript.
    private var document: String {
        frame.map { "document.getElementById('\($0)').contentDocument" } ?? "document"
    }

    /// The value of `expression`, evaluated with `document` being the player's.
    func evaluate(_ expression: String) async throws -> JSON {
        try await page.evaluate("((document) => \(expression))(\(document))")
    }

    func waitUntil(_ what: String, _ condition: String) async throws {
        try await page.waitUntil(
            what, "(() => { try { return ((document) => \(condition))(\(document)); } catch { return false; } })()")
    }

    /// Clicks the middle of the player's element `selector`, scrolled into view first.
    func click(_ selector: String) async throws {
        let frameBox = frame.map { "document.getElementById('\($0)').getBoundingClientRect()" } ?? "({ x: 0, y: 0 })"
        let point = try await page.evaluate(
            """
            (() => {
              const element = \(document).querySelector(\(JSON.string(selector).text));
              if (!element) return null;
              element.scrollIntoView({ block: "center" });
              const frame = \(frameBox);
              const box = element.getBoundingClientRect();
              return [frame.x + box.x + box.width / 2, frame.y + box.y + box.height / 2];
            })()
            """)
        guard let x = point.array?.first?.number, let y = point.array?.last?.number else {
            throw DevToolsError.failed("click", message: "no element \(selector) in the player")
        }
        for type in ["mousePressed", "mouseReleased"] {
            try await page.send(
                "Input.dispatchMouseEvent",
                ["type": .string(type), "x": .number(x), "y": .number(y), "button": "left", "clickCount": 1])
        }
    }

    /// From the content note to the result: the briefing, then each question answered with the
    /// option at `choices[n]` (0-based, in the order shown), checked, and moved past. Returns the
    /// feedback's text after each answer. With `toTheEnd` false, stops after the last of
    /// `choices`, before the result.
    @discardableResult
    func answer(_ choices: [Int], toTheEnd: Bool = true) async throws -> [String] {
        var feedback: [String] = []
        try await waitUntil("the player to start", "document.documentElement.dataset.ready === 'true'")
        try await click("#begin")
        try await waitUntil("the briefing", "!document.getElementById('briefing').hidden")
        try await click("#start")
        for (number, choice) in choices.enumerated() {
            try await waitUntil(
                "question \(number + 1)",
                "!document.getElementById('question').hidden && document.getElementById('progress').textContent.startsWith('Question \(number + 1) of')"
            )
            try await click("label[for=option-\(choice)]")
            try await click("#check")
            try await waitUntil("the feedback on question \(number + 1)", "!document.getElementById('feedback').hidden")
            feedback.append(try await evaluate("document.getElementById('feedback').textContent").string ?? "")
            try await click("#next")
        }
        if toTheEnd { try await waitUntil("the result", "document.documentElement.dataset.finished === 'true'") }
        return feedback
    }

    /// The first seed from 1 whose course for `jurisdiction` offers a critical mistake, so the
    /// three scripted learners can all be run on one package.
    static func seedWithACriticalMistake(_ jurisdiction: String) throws -> UInt64 {
        for seed in UInt64(1)...64 {
            let plan = try CoursePackages.plan(jurisdiction, seed: seed)
            if plan.questions.contains(where: { ScriptedLearner.criticalOption(of: $0) != nil }) { return seed }
        }
        throw FixtureError.missingJurisdiction("\(jurisdiction): no course with a critical mistake among seeds 1-64")
    }
}

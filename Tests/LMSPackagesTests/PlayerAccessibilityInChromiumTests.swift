import BrowserTesting
import Completion
import Foundation
import LMSPackages
import TestSupport
import Testing

/// The player on its own (as a learner opens it from the zip, no LMS) at phone width: each
/// screen passes axe-core with nothing serious or critical, nothing scrolls sideways, the first
/// question is answered with the keyboard alone, focus moves to each new screen's heading, and
/// the strict Content-Security-Policy blocks nothing the player needs (no page error).
@Suite(
    .enabled(
        if: (Chromium.executable != nil && AxeCore.script != nil) || ProcessInfo.processInfo.environment["CI"] != nil,
        "Chromium or axe-core is not installed (scripts/setup.sh --tests installs both)"),
    .timeLimit(.minutes(5)),
    // One browser (and record store) at a time: each is heavy on a small machine.
    .serialized
)
struct PlayerAccessibilityInChromiumTests {
    @Test(arguments: LMSPackageKind.allCases)
    func everyScreenIsAccessibleAndWorksWithTheKeyboard(kind: LMSPackageKind) async throws {
        let marin = try Fixtures.jurisdiction("marin")
        let package = try CoursePackages.unzipped(CoursePackages.export().zip(kind, for: marin, seed: CoursePackages.seed))
        let questions = try CoursePackages.content("marin").questions.count
        let (violations, errors) = try await PackageSite.run(files: PackageSite.files(of: package, under: "/package")) {
            address in
            try await Chromium.run { browser in
                let page = try await browser.open("\(address)/package/index.html", width: 320, height: 640)
                let lesson = LessonRun(page: page, frame: nil)
                var violations: [String] = []
                func check(_ screen: String) async throws {
                    violations += try await AxeCore.seriousViolations(on: page).map { "\(screen): \($0)" }
                    if try await page.evaluate("document.documentElement.scrollWidth > window.innerWidth").bool == true {
                        violations.append("\(screen) scrolls sideways at 320 px")
                    }
                }
                try await lesson.waitUntil("the player to start", "document.documentElement.dataset.ready === 'true'")
                #expect(try await page.evaluate("document.activeElement.id").string == "note-heading")
                #expect(try await page.evaluate("document.getElementById('lms-status').textContent").string?.isEmpty == false)
                try await check("content note")
                try await lesson.press("Tab", keyCode: 9, until: "document.activeElement.id === 'begin'")
                try await lesson.key("Enter", code: "Enter", keyCode: 13, text: "\r")
                try await lesson.waitUntil(
                    "the briefing heading to take focus", "document.activeElement.id === 'briefing-heading'")
                try await check("briefing")
                try await lesson.press("Tab", keyCode: 9, until: "document.activeElement.id === 'start'")
                try await lesson.key("Enter", code: "Enter", keyCode: 13, text: "\r")
                try await lesson.waitUntil("the first question", "document.activeElement.id === 'case-heading'")
                try await check("question")
                try await lesson.press("Tab", keyCode: 9, until: "document.activeElement.matches('input[type=radio]')")
                let ring = try await page.evaluate("getComputedStyle(document.activeElement).outlineStyle").string
                #expect(ring != "none", "the focused option shows where the keyboard is")
                try await lesson.key(" ", code: "Space", keyCode: 32)
                try await lesson.press("Tab", keyCode: 9, until: "document.activeElement.id === 'check'")
                try await lesson.key("Enter", code: "Enter", keyCode: 13, text: "\r")
                try await lesson.waitUntil("the feedback to take focus", "document.activeElement.id === 'verdict'")
                try await check("feedback")
                try await lesson.click("#next")
                for number in 2...questions {
                    try await lesson.waitUntil(
                        "question \(number)",
                        "document.getElementById('progress').textContent.startsWith('Question \(number) of')")
                    try await lesson.click("label[for=option-0]")
                    try await lesson.click("#check")
                    try await lesson.waitUntil("feedback \(number)", "!document.getElementById('feedback').hidden")
                    try await lesson.click("#next")
                }
                try await lesson.waitUntil("the result to take focus", "document.activeElement.id === 'result-heading'")
                try await check("result")
                return (violations, page.errors())
            }
        }
        #expect(violations == [])
        #expect(errors == [], "page errors (a CSP refusal shows here): \(errors)")
    }
}

extension PlayerAccessibilityInChromiumTests {
    /// Markup in the content (a title, a narrative, an option) is shown as the text it is: no
    /// element is made from it.
    @Test func markupInTheContentIsShownAsText() async throws {
        let markup = #"<img src="x" id="injected"> & <b>bold</b>"#
        var content = try CoursePackages.content("marin")
        content.cases[0].title = markup
        content.cases[0].narrative = markup
        content.cases[0].questions[0].options[0].text = markup
        let export = try CoursePackages.export()
        let package = try LMSPackage(kind: .scorm12, content: content, player: export.playerFiles())
        let files = Dictionary(uniqueKeysWithValues: package.files.map { ("/package/\($0.path)", $0.bytes) })
        let shown = try await PackageSite.run(files: files) { address in
            try await Chromium.run { browser in
                let page = try await browser.open("\(address)/package/index.html")
                let lesson = LessonRun(page: page, frame: nil)
                try await lesson.waitUntil("the player to start", "document.documentElement.dataset.ready === 'true'")
                try await lesson.click("#begin")
                try await lesson.waitUntil("the briefing", "!document.getElementById('briefing').hidden")
                try await lesson.click("#start")
                try await lesson.waitUntil("the first question", "!document.getElementById('question').hidden")
                return try await page.evaluate(
                    """
                    [document.getElementById("case-heading").textContent, document.querySelector("#story p").textContent,
                     document.querySelector("label[for=option-0]").textContent,
                     String(document.querySelectorAll("#injected, b").length)]
                    """)
            }
        }
        #expect(shown == .array([.string(markup), .string(markup), .string(markup), .string("0")]))
    }
}

extension LessonRun {
    /// Presses `name` until `condition` holds (at most 30 times).
    func press(_ name: String, keyCode: Int, until condition: String) async throws {
        for _ in 0..<30 {
            if try await evaluate(condition).bool == true { return }
            try await key(name, code: name, keyCode: keyCode)
        }
        Issue.record("\(condition) never held after pressing \(name)")
    }

    /// One key pressed and released.
    func key(_ key: String, code: String, keyCode: Int, text: String? = nil) async throws {
        var down: [String: JSON] = [
            "type": "keyDown", "key": .string(key), "code": .string(code), "windowsVirtualKeyCode": .number(Double(keyCode)),
        ]
        if let text { down["text"] = .string(text) }
        try await page.send("Input.dispatchKeyEvent", down)
        down["type"] = "keyUp"
        down["text"] = nil
        try await page.send("Input.dispatchKeyEvent", down)
    }
}

import BrowserTesting
import ContentLoading
import Foundation
import GroupSessions
import HummingbirdTesting
import ProtocolEngine
import Records
import ScenarioEngine
import SessionServer
import TestSupport
import Testing
import Training

/// The projector view and the phone page in headless Chromium, with the bundled question that
/// puts the most text on the screen: at each phase (lobby, asking, revealed, ended) the named
/// elements lie inside the window (bounding boxes), the projector never scrolls, the text is
/// large, axe-core finds no serious or critical violation, and screenshots are kept.
@Suite(
    // Without Chromium or axe-core the tests are skipped on a developer's machine; in CI (CI set)
    // they run and fail, saying what to install.
    .enabled(
        if: (Chromium.executable != nil && AxeCore.script != nil) || ProcessInfo.processInfo.environment["CI"] != nil,
        "Chromium or axe-core is not installed (scripts/setup.sh --tests installs both)"),
    .timeLimit(.minutes(5))
)
struct SessionPagesLayoutTests {
    struct Screen: Sendable, CustomStringConvertible {
        var width: Int
        var height: Int
        var description: String { "\(width)x\(height)" }
    }

    static let projectors = [Screen(width: 1280, height: 720), Screen(width: 1920, height: 1080)]
    static let phone = Screen(width: 390, height: 844)
    /// A join address as long as a LAN's get.
    static let joinAddress = "http://192.168.100.200:65535/"

    /// What must be on the projector at each phase, besides the code, address and QR code.
    static let projected: [String: [String]] = [
        "lobby": ["#join-heading", "#count"],
        "asking": [
            "#question-heading", "#story p", "#prompt", "#options li", "#options .option-text", "#options .number", "#answered",
        ],
        "revealed": [
            "#question-heading", "#prompt", "#options li", "#options .number", "#options .mark", "#reveal-heading", "#answer",
            "#reasons li",
        ],
        "ended": ["#ended"],
    ]

    /// What must be on the phone at each phase (scrolled to, each fits the window).
    static let onThePhone: [String: [String]] = [
        "join": ["#status", "#code", "#name", "#employee", "#join button[type=submit]"],
        "refused": ["#status", "#error", "#code", "#name", "#join button[type=submit]"],
        "lobby": ["#status"],
        "asking": [
            "#status", "#prompt", "#answer-status", "#options button", "#options button[aria-pressed=true] .option-status",
        ],
        "revealed": ["#answer-status", "#options .option-status:not([hidden])", "#answer"],
        "ended": ["#status", "#outcome-heading", "#outcome-text", "#outcome-reasons li"],
    ]

    @Test(arguments: LongestBundledQuestion.Phase.allCases)
    func theLongestQuestionFitsEveryScreenAtEveryPhase(longestWhen measured: LongestBundledQuestion.Phase) async throws {
        let session = try LongestBundledQuestion.session(for: measured, codeSeed: 5)
        let (code, secret, question) = (session.joinCode.text, session.secretForFacilitator, session.plan.questions[0])
        let policy = try Fixtures.trainingContent().policy
        let room = SessionRoom(session: session, generator: SplitMix64(seed: 6), policy: policy)
        let pages = try WebPages(directory: Fixtures.repositoryRoot.appending(path: "Web")).joining(at: Self.joinAddress)
        let shots = Screenshots(prefix: "pages-longest-\(measured.rawValue)")
        try shots.removeEarlier()

        try await SessionServer(room: room, pages: pages).application(host: "127.0.0.1", port: 0).test(.live) { client in
            let address = "http://127.0.0.1:\(try #require(client.port))"
            try await Chromium.run { browser in
                var screens: [(Screen, BrowserPage)] = []
                for screen in Self.projectors {
                    let page = try await browser.open(
                        "\(address)/present#key=\(session.keyForProjector.text)", width: screen.width, height: screen.height)
                    try await page.waitUntil(
                        "the code on the \(screen) projector", GroupSessionInChromiumTests.text(of: "#code", is: code))
                    screens.append((screen, page))
                }
                // Ana answers correctly, Kim wrongly.
                let wrong = try #require(question.options.first { $0.id != question.correctOptionID })
                var phones: [(name: String, option: OptionID, page: BrowserPage)] = []
                for (name, option) in [("Ana Ruiz", question.correctOptionID), ("Kim Lee", wrong.id)] {
                    let page = try await browser.open("\(address)/", width: Self.phone.width, height: Self.phone.height)
                    try await page.waitUntil("the join form", GroupSessionInChromiumTests.isVisible("#join"))
                    phones.append((name, option, page))
                }
                try await Self.check("join", phones: phones.map(\.page), shots: shots)

                // A wrong code: an alert marked as a problem, apart from the instructions (a status).
                let kim = phones[1].page
                try await kim.type(code == "QQQQQQ" ? "XXXXXX" : "QQQQQQ", into: "#code")
                try await kim.type("Kim Lee", into: "#name")
                try await kim.click("#join button[type=submit]")
                try await kim.waitUntil("the refusal", GroupSessionInChromiumTests.isVisible("#error"))
                let roles = try await kim.evaluate(
                    #"[document.getElementById("error").getAttribute("role"), document.getElementById("status").getAttribute("role")]"#
                )
                #expect(roles == ["alert", "status"])
                let error = try await kim.evaluate(#"document.getElementById("error").textContent"#).string ?? ""
                #expect(error == "Problem: \(Refusal.wrongCode.description)")
                #expect(
                    try await kim.evaluate(#"document.getElementById("status").textContent"#).string?.contains("Problem") == false
                )
                try await Self.check("refused", phones: [kim], shots: shots)
                _ = try await kim.evaluate(
                    #"document.getElementById("code").value = ""; document.getElementById("name").value = """#)

                for (name, _, page) in phones { try await GroupSessionInChromiumTests.join(on: page, code: code, as: name) }
                #expect(try await kim.evaluate(#"document.getElementById("error").hidden"#) == true, "the alert goes once joined")
                for (_, page) in screens {
                    try await page.waitUntil("two joined", GroupSessionInChromiumTests.text(of: "#count", is: "2 joined"))
                }
                try await Self.check("lobby", projectors: screens, phones: phones.map(\.page), shots: shots)

                #expect(await room.perform(.next, secret: secret) == .success(.asking(0)))
                for (name, option, page) in phones {
                    let button = "#options button[data-option=\(JSON.string(option.rawValue).text)]"
                    try await page.waitUntil("the question on \(name)'s phone", GroupSessionInChromiumTests.isVisible(button))
                    try await page.click(button)
                    try await page.waitUntil(
                        "\(name)'s answer to be received",
                        GroupSessionInChromiumTests.text(of: "#answer-status", startsWith: "Answer received"))
                }
                for (_, page) in screens {
                    try await page.waitUntil(
                        "two answers", GroupSessionInChromiumTests.text(of: "#answered", is: "2 of 2 answered"))
                }
                try await Self.check("asking", projectors: screens, phones: phones.map(\.page), shots: shots)

                #expect(await room.perform(.reveal, secret: secret) == .success(.revealed(0)))
                for page in screens.map(\.1) + phones.map(\.page) {
                    try await page.waitUntil(
                        "the reveal",
                        GroupSessionInChromiumTests.isVisible("#reveal") + " && "
                            + GroupSessionInChromiumTests.text(of: "#answer", is: question.explanation.answer))
                }
                for (_, page) in screens {
                    try await page.waitUntil(
                        "the answer marked", GroupSessionInChromiumTests.isVisible("#options li.correct .mark"))
                    #expect(
                        try await page.evaluate(##"document.querySelector("#options li.correct .mark").textContent"##)
                            == "✓ Correct answer")
                }
                #expect(
                    try await phones[0].page.evaluate(#"document.getElementById("answer-status").textContent"#).string?
                        .contains("is correct") == true)
                // The citation, where the protocol prints one ("protocol complete" has none).
                let cited = question.explanation.source.isEmpty ? [] : ["#citation"]
                try await Self.check("revealed", projectors: screens, phones: phones.map(\.page), shots: shots, also: cited)

                #expect(await room.perform(.end, secret: secret) == .success(.ended))
                for (_, page) in screens { try await page.waitUntil("the end", GroupSessionInChromiumTests.isVisible("#ended")) }
                let answers = await room.session.attempts()
                for (name, _, page) in phones {
                    try await page.waitUntil("\(name)'s outcome", GroupSessionInChromiumTests.isVisible("#outcome"))
                    let attempt = try #require(answers.first { $0.participant.name == name })
                    let score = ScoreSummary.groupSession(attempt.answers, policy: policy, planned: 1)
                    #expect(
                        try await page.evaluate(#"document.getElementById("outcome-heading").textContent"#).string
                            == (score.passed ? "✓ You passed" : "Not passed"), "\(name)")
                    #expect(
                        try await page.evaluate(
                            ##"Array.from(document.querySelectorAll("#outcome-reasons li"), (li) => li.textContent)"##)
                            == .array(score.reasons.map(JSON.string)), "\(name)")
                }
                #expect(
                    try await phones[0].page.evaluate(#"document.getElementById("outcome-heading").textContent"#)
                        == "✓ You passed")
                #expect(
                    try await phones[1].page.evaluate(#"document.getElementById("outcome-heading").textContent"#) == "Not passed")
                try await Self.check("ended", projectors: screens, phones: phones.map(\.page), shots: shots)
            }
        }
    }

    /// At `phase`: the projectors show their named elements inside the window without scrolling,
    /// in large type at 1080p; each phone shows each of its named elements whole once scrolled to;
    /// axe finds nothing serious; a screenshot of every page is kept.
    static func check(
        _ phase: String, projectors: [(Screen, BrowserPage)] = [], phones: [BrowserPage], shots: Screenshots,
        also: [String] = []
    ) async throws {
        for (screen, page) in projectors {
            let selectors = ["#code", "#address", "#qr"] + (projected[phase] ?? []) + also
            let problems = try await page.evaluate(Self.outsideTheWindow(selectors, scrolling: false))
            #expect(problems == [], "projector \(screen) at \(phase)")
            if screen.height == 1080, phase == "asking" || phase == "revealed" {
                // The prompt, options and answer at full size (32 px); only a long story may get
                // smaller, and not below 24 px.
                for (selector, least) in [("#prompt, #options .option-text, #answer", 30.0), ("#story p", 24)] {
                    let smallest = try await Self.smallestFontSize(of: selector, on: page)
                    #expect(smallest >= least, "projector \(screen) at \(phase): \(selector) as small as \(smallest) px")
                }
            }
            try shots.keep(try await page.screenshot(), as: "\(phase)-projector-\(screen)")
        }
        if let (_, page) = projectors.first {
            #expect(try await AxeCore.seriousViolations(on: page) == [], "projector at \(phase)")
        }
        for (number, page) in phones.enumerated() {
            let problems = try await page.evaluate(Self.outsideTheWindow((onThePhone[phase] ?? []) + also, scrolling: true))
            #expect(problems == [], "phone \(number + 1) at \(phase)")
            #expect(try await AxeCore.seriousViolations(on: page) == [], "phone \(number + 1) at \(phase)")
            try shots.keep(try await page.screenshot(), as: "\(phase)-phone\(number + 1)-\(phone)")
        }
    }

    /// The smallest font size, in CSS pixels, of the visible elements `selector`.
    static func smallestFontSize(of selector: String, on page: BrowserPage) async throws -> Double {
        let sizes = try await page.evaluate(
            """
            Array.from(document.querySelectorAll(\(JSON.string(selector).text)))
              .filter((element) => element.checkVisibility()).map((element) => parseFloat(getComputedStyle(element).fontSize))
            """)
        let measured = sizes.array?.compactMap(\.number) ?? []
        print("Font size of \(selector): \(measured.min() ?? 0)–\(measured.max() ?? 0) px")
        return measured.min() ?? .infinity
    }

    /// JavaScript: a list of what is wrong with the elements `selectors`: missing, hidden, or
    /// (scrolled to first when `scrolling`) not wholly inside the window; and, without
    /// `scrolling`, a page that scrolls at all. Empty when all is well.
    static func outsideTheWindow(_ selectors: [String], scrolling: Bool) -> String {
        """
        ((selectors, scrolling) => {
          const problems = [];
          const [width, height] = [window.innerWidth, window.innerHeight];
          const root = document.documentElement;
          if (root.scrollWidth > width) problems.push(`the page is ${root.scrollWidth} px wide in a ${width} px window`);
          if (!scrolling && root.scrollHeight > height) problems.push(`the page is ${root.scrollHeight} px high in a ${height} px window`);
          for (const selector of selectors) {
            const elements = Array.from(document.querySelectorAll(selector));
            if (elements.length === 0) problems.push(`${selector}: missing`);
            for (const element of elements) {
              if (!element.checkVisibility()) { problems.push(`${selector}: hidden`); continue; }
              if (scrolling) element.scrollIntoView({ block: "nearest" });
              const box = element.getBoundingClientRect();
              if (box.width === 0 || box.height === 0) problems.push(`${selector}: empty`);
              if (box.left < -0.5 || box.top < -0.5 || box.right > width + 0.5 || box.bottom > height + 0.5) {
                const where = [box.left, box.top, box.right, box.bottom].map(Math.round).join(", ");
                problems.push(`${selector} (“${element.textContent.slice(0, 40)}”): at ${where}, outside ${width}×${height}`);
              }
            }
          }
          return problems;
        })(\(JSON.array(selectors.map(JSON.string)).text), \(scrolling))
        """
    }
}

/// Screenshots kept for CI's artifacts: test-artifacts/browser/ at the repository root.
struct Screenshots {
    let prefix: String

    static let directory = Fixtures.repositoryRoot.appending(path: "test-artifacts/browser")

    /// Removes this prefix's screenshots of an earlier run.
    func removeEarlier() throws {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: Self.directory.path)) ?? []
        for file in files where file.hasPrefix("\(prefix)-") {
            try FileManager.default.removeItem(at: Self.directory.appending(path: file))
        }
    }

    /// Writes `png` as test-artifacts/browser/`prefix`-`name`.png.
    func keep(_ png: Data, as name: String) throws {
        try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
        try png.write(to: Self.directory.appending(path: "\(prefix)-\(name).png"))
    }
}

import BrowserTesting
import Foundation
import GroupSessions
import HummingbirdTesting
import ProtocolEngine
import ScenarioEngine
import SessionServer
import TestSupport
import Testing
import Training

/// A group session end to end in headless Chromium: the real server on loopback, the real
/// participant and projector pages, two participants who join, answer and see the reveal.
@Suite(
    // Without Chromium the test is skipped on a developer's machine; in CI (CI set) it runs and
    // fails, saying to install Debian's chromium.
    .enabled(
        if: Chromium.executable != nil || ProcessInfo.processInfo.environment["CI"] != nil,
        "Chromium is not installed (Debian: apt-get install chromium, or scripts/setup.sh --tests; or set CHROMIUM)"),
    .timeLimit(.minutes(5))
)
struct GroupSessionInChromiumTests {
    @Test func twoParticipantsJoinAnswerAndSeeTheReveal() async throws {
        try Self.removeEarlierScreenshots()
        let session = try SampleSessions.session(vignettes: 1, planSeed: 3, codeSeed: 5)
        let (code, secret, question) = (session.joinCode.text, session.secretForFacilitator, session.plan.questions[0])
        let key = session.keyForProjector.text
        let room = SessionRoom(session: session, generator: SplitMix64(seed: 6))
        let server = SessionServer(room: room, pages: try WebPages(directory: Fixtures.repositoryRoot.appending(path: "Web")))

        try await server.application(host: "127.0.0.1", port: 0).test(.live) { client in
            let address = "http://127.0.0.1:\(try #require(client.port))"
            try await Chromium.run { browser in
                // Without the key the console prints, the projector view gets no code.
                let keyless = try await browser.open("\(address)/present", width: 1280, height: 800)
                try await keyless.waitUntil("the keyless projector to be refused", Self.isVisible("#refused"))
                #expect(try await keyless.evaluate(#"document.getElementById("code").textContent"#).string == "")
                let projector = try await browser.open("\(address)/present#key=\(key)", width: 1280, height: 800)
                var participants: [(name: String, option: Int, page: BrowserPage)] = []
                do {
                    for (name, option) in [("Ana Ruiz", 0), ("Kim Lee", 1)] {
                        let page = try await browser.open("\(address)/")
                        participants.append((name, option, page))
                        try await Self.join(on: page, code: code, as: name)
                    }
                    #expect(await room.participantCount == 2)
                    try await projector.waitUntil("the projector to count two", Self.text(of: "#count", is: "2 joined"))

                    #expect(await room.perform(.next, secret: secret) == .success(.asking(0)))
                    for (name, option, page) in participants {
                        let button = "#options button:nth-child(\(option + 1))"
                        try await page.waitUntil("the question on \(name)'s page", Self.isVisible(button))
                        try await page.click(button)
                        try await page.waitUntil(
                            "\(name)'s answer to be acknowledged",
                            "document.querySelector(\(JSON.string(button).text)).getAttribute('aria-pressed') === 'true'")
                    }
                    #expect(await room.session.answerCount(of: 0) == 2)
                    try await projector.waitUntil(
                        "the projector to count two answers", Self.text(of: "#answered", is: "2 of 2 answered"))

                    #expect(await room.perform(.reveal, secret: secret) == .success(.revealed(0)))
                    for (name, option, page) in participants {
                        try await Self.expectReveal(of: question, on: page, named: "\(name)'s page")
                        let marked =
                            ##"Array.from(document.querySelectorAll("#options button.correct"), (b) => b.dataset.option)"##
                        #expect(try await page.evaluate(marked) == [.string(question.correctOptionID.rawValue)])
                        let closed = ##"Array.from(document.querySelectorAll("#options button")).every((b) => b.disabled)"##
                        #expect(try await page.evaluate(closed) == true)
                        // A participant whose answer was wrong reads why, for this case.
                        let chosen = question.options[option].id
                        let whyNot = try await page.evaluate(
                            ##"document.getElementById("why-not").hidden ? "" : document.getElementById("why-not").textContent"##)
                        let expected = question.explanation.whyWrong[chosen].map { "Why not your answer: \($0)" } ?? ""
                        #expect(whyNot.string == expected, "\(name)")
                    }
                    // The final counts follow the reveal and redraw the bars: the mark stays.
                    try await Self.expectReveal(of: question, on: projector, named: "the projector")
                    let projected = ##"Array.from(document.querySelectorAll("#options li.correct"), (li) => li.dataset.option)"##
                    #expect(try await projector.evaluate(projected) == [.string(question.correctOptionID.rawValue)])
                } catch {
                    // What each page showed when the test gave up, for whoever reads the failure.
                    for (name, page) in [("projector", projector)] + participants.map({ ($0.name, $0.page) }) {
                        try? Self.keep(await page.screenshot(), as: "failed-\(name.split(separator: " ")[0]).png")
                    }
                    throw error
                }

                let chosen = await room.session.distribution(of: 0).filter { $0.count > 0 }
                #expect(chosen.map(\.count) == [1, 1])
                #expect(Set(chosen.map(\.option)) == Set(participants.map { question.options[$0.option].id }))

                try Self.keep(try await participants[0].page.screenshot(), as: "participant-reveal.png")
                try Self.keep(try await projector.screenshot(), as: "projector-reveal.png")
            }
        }
    }

    /// Joins the session on the participant page `page` as a user does: types the code and the
    /// name, presses Join, and waits until the page keeps its participant token and hides the form.
    static func join(on page: BrowserPage, code: String, as name: String) async throws {
        try await page.waitUntil("the join form on \(name)'s page", isVisible("#join"))
        try await page.type(code, into: "#code")
        try await page.type(name, into: "#name")
        try await page.click("#join button[type=submit]")
        try await page.waitUntil(
            "\(name) to have joined",
            #"sessionStorage.getItem("csec-token") !== null && document.getElementById("join").hidden"#)
        try await page.waitUntil("\(name)'s page to confirm the name", text(of: "#status", startsWith: "Joined as \(name)."))
    }

    /// Waits for the reveal on `page`, then checks it shows the question's answer and citation,
    /// and that nothing went wrong in the page (a missing favicon aside).
    static func expectReveal(of question: Question, on page: BrowserPage, named name: String) async throws {
        try await page.waitUntil(
            "the reveal on \(name)",
            isVisible("#reveal") + #" && document.getElementById("citation").textContent.trim() !== """#)
        #expect(
            try await page.evaluate(#"document.getElementById("citation").textContent"#).string == question.explanation.source)
        #expect(try await page.evaluate(#"document.getElementById("answer").textContent"#).string == question.explanation.answer)
        let errors = page.errors().filter { !$0.hasSuffix("/favicon.ico") }
        #expect(errors.isEmpty, "errors on \(name): \(errors)")
    }

    /// JavaScript: the element `selector` exists and is rendered.
    static func isVisible(_ selector: String) -> String {
        "document.querySelector(\(JSON.string(selector).text))?.checkVisibility() === true"
    }

    /// JavaScript: the element `selector` shows exactly `text`.
    static func text(of selector: String, is text: String) -> String {
        "document.querySelector(\(JSON.string(selector).text))?.textContent === \(JSON.string(text).text)"
    }

    /// JavaScript: the element `selector`'s text starts with `prefix`.
    static func text(of selector: String, startsWith prefix: String) -> String {
        "document.querySelector(\(JSON.string(selector).text))?.textContent.startsWith(\(JSON.string(prefix).text)) === true"
    }

    /// Where the screenshots go: test-artifacts/browser/ at the repository root.
    static let artifacts = Fixtures.repositoryRoot.appending(path: "test-artifacts/browser")

    /// Removes this test's screenshots of an earlier run.
    static func removeEarlierScreenshots() throws {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: artifacts.path)) ?? []
        for file in files where file.hasPrefix("group-session-") {
            try FileManager.default.removeItem(at: artifacts.appending(path: file))
        }
    }

    /// Writes `data` to test-artifacts/browser/group-session-`name`, and says where.
    static func keep(_ data: Data, as name: String) throws {
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        let file = artifacts.appending(path: "group-session-\(name)")
        try data.write(to: file)
        print("Screenshot: \(file.path)")
    }
}

import BrowserTesting
import Foundation
import TestSupport
import Testing

/// The strict SCORM 1.2 runtime the player is tested against refuses what RTE 1.2 refuses, with
/// its error codes: without this, a player test against it could pass on a harness that
/// accepts anything.
@Suite(
    .enabled(
        if: Chromium.executable != nil || ProcessInfo.processInfo.environment["CI"] != nil,
        "Chromium is not installed (scripts/setup.sh --tests installs it)"),
    .timeLimit(.minutes(5))
)
struct SCORMRuntimeHarnessTests {
    struct Refusal: Sendable, CustomTestStringConvertible {
        var what: String
        /// JavaScript calls on `API` after `API.LMSInitialize("")` (unless `initialize` is false).
        var calls: String
        var initialize = true
        var error: String
        var testDescription: String { what }
    }

    static let refusals = [
        Refusal(
            what: "a value before LMSInitialize", calls: #"API.LMSSetValue("cmi.core.score.raw", "80")"#, initialize: false,
            error: "301"),
        Refusal(what: "a second LMSInitialize", calls: #"API.LMSInitialize("")"#, error: "101"),
        Refusal(what: "LMSInitialize with an argument", calls: #"API.LMSInitialize("x")"#, initialize: false, error: "201"),
        Refusal(what: "an unknown element", calls: #"API.LMSSetValue("cmi.core.grade", "A")"#, error: "201"),
        Refusal(what: "a read-only element", calls: #"API.LMSSetValue("cmi.core.student_id", "x")"#, error: "403"),
        Refusal(what: "reading a write-only element", calls: #"API.LMSGetValue("cmi.core.session_time")"#, error: "404"),
        Refusal(
            what: "status not attempted", calls: #"API.LMSSetValue("cmi.core.lesson_status", "not attempted")"#, error: "405"),
        Refusal(what: "a raw score above 100", calls: #"API.LMSSetValue("cmi.core.score.raw", "101")"#, error: "405"),
        Refusal(what: "a session time in seconds", calls: #"API.LMSSetValue("cmi.core.session_time", "PT5S")"#, error: "405"),
        Refusal(what: "an exit outside the vocabulary", calls: #"API.LMSSetValue("cmi.core.exit", "done")"#, error: "405"),
        Refusal(
            what: "an interaction skipping an index", calls: #"API.LMSSetValue("cmi.interactions.1.id", "q1")"#, error: "201"),
        Refusal(
            what: "an interaction not starting with its id", calls: #"API.LMSSetValue("cmi.interactions.0.type", "choice")"#,
            error: "201"),
        Refusal(what: "an interaction id with a space", calls: #"API.LMSSetValue("cmi.interactions.0.id", "q 1")"#, error: "405"),
        Refusal(
            what: "a choice response that is not single characters",
            calls:
                #"API.LMSSetValue("cmi.interactions.0.id", "q1"); API.LMSSetValue("cmi.interactions.0.type", "choice"); API.LMSSetValue("cmi.interactions.0.student_response", "step:3")"#,
            error: "405"),
        Refusal(
            what: "the 2004 result incorrect",
            calls: #"API.LMSSetValue("cmi.interactions.0.id", "q1"); API.LMSSetValue("cmi.interactions.0.result", "incorrect")"#,
            error: "405"),
        Refusal(what: "a value after LMSFinish", calls: #"API.LMSFinish(""); API.LMSCommit("")"#, error: "101"),
    ]

    @Test func theHarnessRefusesWhatRTE12Refuses() async throws {
        let harness = CoursePackages.fixtures.appending(path: "scorm12-harness")
        let files = [
            "/runtime.js": try Data(contentsOf: harness.appending(path: "runtime.js")),
            "/blank.html": Data(
                #"<!doctype html><html lang="en"><title>t</title><script src="runtime.js"></script></html>"#.utf8),
        ]
        let results = try await PackageSite.run(files: files) { address in
            try await Chromium.run { browser in
                let page = try await browser.open("\(address)/blank.html")
                var results: [String: String] = [:]
                for refusal in Self.refusals {
                    try await page.navigate(to: "\(address)/blank.html")
                    let script = (refusal.initialize ? #"API.LMSInitialize(""); "# : "") + refusal.calls
                    results[refusal.what] = try await page.evaluate("\(script); API.LMSGetLastError()").string
                }
                try await page.navigate(to: "\(address)/blank.html")
                let accepted = try await page.evaluate(
                    """
                    (() => { API.LMSInitialize(""); API.LMSSetValue("cmi.interactions.0.id", "q1_a-b");
                      API.LMSSetValue("cmi.interactions.0.type", "choice");
                      API.LMSSetValue("cmi.interactions.0.student_response", "a,c");
                      API.LMSSetValue("cmi.interactions.0.result", "wrong");
                      API.LMSSetValue("cmi.core.session_time", "0001:02:03.45");
                      API.LMSCommit(""); API.LMSFinish("");
                      return window.calls.map((call) => call.error); })()
                    """)
                results["accepted"] = accepted.text
                return results
            }
        }
        for refusal in Self.refusals { #expect(results[refusal.what] == refusal.error, "\(refusal.what)") }
        #expect(results["accepted"] == #"["0","0","0","0","0","0","0","0"]"#, "legal calls are accepted")
    }
}

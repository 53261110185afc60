import BrowserTesting
import Completion
import ContentLoading
import Foundation
import LMSPackages
import ScenarioEngine
import Scoring
import TestSupport
import Testing
import Training

/// The SCORM 1.2 package in headless Chromium, launched in a frame of a strict SCORM 1.2 runtime
/// (Fixtures/scorm12-harness, our reading of RTE 1.2) that records every API call. Scripted
/// learners click through it; the LMS gets the status and raw score the Scoring module gives,
/// one interaction per question with the right result, Commit before Finish, and no API error.
@Suite(
    .enabled(
        if: Chromium.executable != nil || ProcessInfo.processInfo.environment["CI"] != nil,
        "Chromium is not installed (scripts/setup.sh --tests installs it)"),
    .timeLimit(.minutes(5)),
    // One browser (and record store) at a time: each is heavy on a small machine.
    .serialized
)
struct SCORMPlayerInChromiumTests {
    static let jurisdiction = "marin"

    /// The package for `seed` under /package, beside the runtime harness's lms.html and runtime.js.
    static func harnessSite(seed: UInt64) throws -> [String: Data] {
        let package = try CoursePackages.unzipped(
            CoursePackages.export().zip(.scorm12, for: try Fixtures.jurisdiction(jurisdiction), seed: seed))
        var site = PackageSite.files(of: package, under: "/package")
        for name in ["lms.html", "runtime.js"] {
            site["/\(name)"] = try Data(contentsOf: CoursePackages.fixtures.appending(path: "scorm12-harness/\(name)"))
        }
        return site
    }

    @Test(arguments: ScriptedLearner.allCases)
    func theLMSGetsTheScorersVerdictScoreAndInteractions(learner: ScriptedLearner) async throws {
        let seed = try LessonRun.seedWithACriticalMistake(Self.jurisdiction)
        let plan = try CoursePackages.plan(Self.jurisdiction, seed: seed)
        let policy = try Fixtures.trainingContent().policy
        let expected = learner.report(for: plan, policy: policy)
        switch learner {
        case .passes: #expect(expected.passed)
        case .failsByScore: #expect(!expected.passed && expected.fraction < policy.passMark)
        case .failsByCriticalMistake: #expect(!expected.passed && expected.fraction >= policy.passMark)
        }
        let content = try CoursePackages.export().playerContent(for: try Fixtures.jurisdiction(Self.jurisdiction), seed: seed)
        let site = try Self.harnessSite(seed: seed)
        let choices = learner.choices(for: plan)

        let (calls, errors, shown) = try await PackageSite.run(files: site) { address in
            try await Chromium.run { browser in
                let page = try await browser.open("\(address)/lms.html", width: 390, height: 844)
                let lesson = LessonRun(page: page, frame: "lesson")
                try await lesson.answer(choices)
                try await lesson.waitUntil("the result to be reported", "document.documentElement.dataset.reported === 'true'")
                let shown = try await lesson.evaluate("document.getElementById('outcome').textContent").string ?? ""
                return (try await page.evaluate("window.calls"), page.errors(), shown)
            }
        }
        #expect(errors.isEmpty, "page errors: \(errors)")
        let recorded = try #require(calls.array).map(APICall.init)
        #expect(recorded.filter { $0.error != "0" }.isEmpty, "API errors: \(recorded.filter { $0.error != "0" })")
        #expect(recorded.first?.function == "LMSInitialize")
        #expect(recorded.last?.function == "LMSFinish")
        #expect(recorded.dropLast().last?.function == "LMSCommit", "Commit right before Finish")
        #expect(recorded.filter { $0.function == "LMSFinish" }.count == 1)

        let set = recorded.filter { $0.function == "LMSSetValue" }
        func last(_ element: String) -> String? { set.last { $0.arguments.first == element }?.arguments.last }
        #expect(last("cmi.core.lesson_status") == (expected.passed ? "passed" : "failed"))
        #expect(last("cmi.core.score.raw") == String(expected.percent))
        #expect(last("cmi.core.score.min") == "0")
        #expect(last("cmi.core.score.max") == "100")
        #expect(last("cmi.core.session_time") != nil)
        #expect(shown.contains("\(expected.percent)%"))

        for (index, question) in content.questions.enumerated() {
            let chosen = choices[index]
            #expect(last("cmi.interactions.\(index).id") == question.interactionID)
            #expect(last("cmi.interactions.\(index).type") == "choice")
            #expect(last("cmi.interactions.\(index).student_response") == ChoiceLetter.letter(at: chosen))
            #expect(last("cmi.interactions.\(index).correct_responses.0.pattern") == question.correct)
            let correct = plan.questions[index].options[chosen].id == plan.questions[index].correctOptionID
            #expect(last("cmi.interactions.\(index).result") == (correct ? "correct" : "wrong"))
        }
        #expect(last("cmi.interactions.\(content.questions.count).id") == nil)
    }

    /// Launched again on an attempt whose interactions the LMS keeps, the player numbers its
    /// interactions from `cmi.interactions._count` (RTE 1.2 §3.4) and leaves the earlier ones alone.
    @Test(arguments: [0, 3])
    func newInteractionsFollowThoseTheLMSKeeps(earlier: Int) async throws {
        let seed = try LessonRun.seedWithACriticalMistake(Self.jurisdiction)
        let plan = try CoursePackages.plan(Self.jurisdiction, seed: seed)
        let content = try CoursePackages.export().playerContent(for: try Fixtures.jurisdiction(Self.jurisdiction), seed: seed)
        let site = try Self.harnessSite(seed: seed)
        let (ids, errors) = try await PackageSite.run(files: site) { address in
            try await Chromium.run { browser in
                let page = try await browser.open("\(address)/lms.html?earlier-interactions=\(earlier)", width: 390, height: 844)
                let lesson = LessonRun(page: page, frame: "lesson")
                try await lesson.answer(ScriptedLearner.passes.choices(for: plan))
                try await lesson.waitUntil("the result to be reported", "document.documentElement.dataset.reported === 'true'")
                return (try await page.evaluate("window.lms.interactions.map((entry) => entry.fields.id)"), page.errors())
            }
        }
        #expect(errors.isEmpty, "page errors: \(errors)")
        let stored = try #require(ids.array).map { $0.string ?? "" }
        #expect(stored == (0..<earlier).map { "earlier-\($0)" } + content.questions.map(\.interactionID))
    }

    /// A learner who leaves after two answers (the lesson's frame navigates away): the two
    /// interactions are kept, the status stays incomplete with no score, and the exit is a normal
    /// one (""), not "suspend": the player keeps no place to resume from.
    @Test func leavingEarlyKeepsTheAnswersAndAsksForNoResume() async throws {
        let seed = try LessonRun.seedWithACriticalMistake(Self.jurisdiction)
        let plan = try CoursePackages.plan(Self.jurisdiction, seed: seed)
        let content = try CoursePackages.export().playerContent(for: try Fixtures.jurisdiction(Self.jurisdiction), seed: seed)
        let site = try Self.harnessSite(seed: seed)
        let (calls, errors) = try await PackageSite.run(files: site) { address in
            try await Chromium.run { browser in
                let page = try await browser.open("\(address)/lms.html", width: 390, height: 844)
                let lesson = LessonRun(page: page, frame: "lesson")
                try await lesson.answer(Array(ScriptedLearner.passes.choices(for: plan).prefix(2)), toTheEnd: false)
                _ = try await page.evaluate("document.getElementById('lesson').src = 'about:blank'")
                try await page.waitUntil("the lesson to finish", "window.calls.some((call) => call.fn === 'LMSFinish')")
                return (try await page.evaluate("window.calls"), page.errors())
            }
        }
        #expect(errors.isEmpty, "page errors: \(errors)")
        let recorded = try #require(calls.array).map(APICall.init)
        #expect(recorded.filter { $0.error != "0" }.isEmpty, "API errors: \(recorded.filter { $0.error != "0" })")
        #expect(recorded.last?.function == "LMSFinish")
        let set = recorded.filter { $0.function == "LMSSetValue" }
        func last(_ element: String) -> String? { set.last { $0.arguments.first == element }?.arguments.last }
        #expect(last("cmi.core.exit") == "")
        #expect(last("cmi.core.lesson_status") == "incomplete")
        #expect(last("cmi.core.score.raw") == nil)
        #expect(last("cmi.core.session_time") != nil)
        #expect(last("cmi.interactions.1.id") == content.questions[1].interactionID)
        #expect(last("cmi.interactions.2.id") == nil)
    }
}

/// One recorded call of the runtime harness.
struct APICall: CustomStringConvertible {
    var function: String
    var arguments: [String]
    var result: String
    var error: String

    init(_ json: JSON) {
        function = json["fn"].string ?? ""
        arguments = json["args"].array?.map { $0.string ?? "" } ?? []
        result = json["result"].string ?? ""
        error = json["error"].string ?? ""
    }

    var description: String { "\(function)(\(arguments.joined(separator: ", "))) = \(result) [\(error)]" }
}

import AsyncHTTPClient
import BrowserTesting
import Completion
import ContentLoading
import Foundation
import LMSPackages
import NIOCore
import NIOHTTP1
import ScenarioEngine
import Scoring
import TestSupport
import Testing
import Training

/// The cmi5 package in headless Chromium, launched by a small test LMS (``CMI5TestLMS``, on the
/// AU's origin) in front of a real Ralph learning record store. What Ralph stored under the
/// registration follows cmi5's statement rules and the Scoring module's verdict, and passes
/// Ralph's strict BaseXapiStatement model.
@Suite(
    .enabled(
        if: (Chromium.executable != nil && RalphLRS.runsCases) || ProcessInfo.processInfo.environment["CI"] != nil,
        "Chromium or Ralph is not installed (scripts/setup.sh --tests installs both)"),
    .timeLimit(.minutes(8)),
    // One browser (and record store) at a time: each is heavy on a small machine.
    .serialized
)
struct CMI5PlayerInChromiumTests {
    static let jurisdiction = "marin"

    struct Run: Sendable, CustomTestStringConvertible {
        var learner: ScriptedLearner
        var launchMode: String
        var testDescription: String { "\(learner.rawValue) in \(launchMode) mode" }
    }

    static let runs =
        ScriptedLearner.allCases.map { Run(learner: $0, launchMode: "Normal") }
        + [Run(learner: .passes, launchMode: "Browse")]

    @Test(arguments: runs)
    func theRecordStoreGetsTheStatementsCMI5Asks(run: Run) async throws {
        let seed = try LessonRun.seedWithACriticalMistake(Self.jurisdiction)
        let plan = try CoursePackages.plan(Self.jurisdiction, seed: seed)
        let policy = try Fixtures.trainingContent().policy
        let expected = run.learner.report(for: plan, policy: policy)
        let marin = try Fixtures.jurisdiction(Self.jurisdiction)
        let content = try CoursePackages.export().playerContent(for: marin, seed: seed)
        let package = try CoursePackages.unzipped(CoursePackages.export().zip(.cmi5, for: marin, seed: seed))
        let choices = run.learner.choices(for: plan)
        let launch = LaunchFixture(
            activityID: PackageIdentity(jurisdiction: Self.jurisdiction, seed: seed).assignableUnitIRI,
            launchMode: run.launchMode, masteryScore: policy.passMark)

        let (statements, view, violations) = try await RalphLRS.run { lrs in
            let lms = CMI5TestLMS(
                storeStatements: lrs.endpoint.appending(path: "statements").absoluteString, storeAuthorization: lrs.authorization)
            let view = try await PackageSite.run(files: PackageSite.files(of: package, under: "/au"), routes: lms.routes) {
                address in
                try await Chromium.run { browser in
                    try await Self.session(launch, choices: choices, lms: lms, lrs: lrs, address: address, browser: browser)
                }
            }
            return (try await Self.stored(launch, in: lrs), view, await lms.violations)
        }
        #expect(view.errors.isEmpty, "page errors: \(view.errors)")
        #expect(view.reportStatus.contains("sent to your LMS"), "\(view.reportStatus)")
        #expect(violations == [], "LMS violations: \(violations)")

        let verbs = statements.map(Self.verb)
        let fromAU = Array(statements.dropFirst())
        #expect(verbs.first == "launched")
        #expect(verbs.dropFirst().first == "initialized")
        #expect(verbs.last == "terminated")
        if run.launchMode != "Normal" {
            #expect(verbs == ["launched", "initialized", "terminated"])
        } else {
            let verdict = expected.passed ? "passed" : "failed"
            #expect(verbs.filter { $0 == "answered" }.count == plan.questions.count)
            #expect(verbs.filter { $0 != "answered" } == ["launched", "initialized", "completed", verdict, "terminated"])
        }
        for statement in fromAU {
            #expect(statement["actor"] == launch.actorJSON)
            #expect(statement["context"]["registration"].string == launch.registration)
            #expect(statement["context"]["extensions"][LaunchFixture.sessionIDExtension].string == launch.sessionID)
            let categories = statement["context"]["contextActivities"]["category"].array?.compactMap { $0["id"].string } ?? []
            let verb = statement["verb"]["id"].string ?? ""
            if verb.hasSuffix("/answered") {
                #expect(!categories.contains(LaunchFixture.cmi5Category), "answered is a cmi5 allowed statement")
                continue
            }
            #expect(statement["object"]["id"].string == launch.activityID)
            #expect(categories.contains(LaunchFixture.cmi5Category))
            let setsMoveOn = statement["result"]["success"] != .null || statement["result"]["completion"] != .null
            #expect(categories.contains(LaunchFixture.moveOnCategory) == setsMoveOn, "\(verb)")
        }
        guard run.launchMode == "Normal" else { return }

        let answered = fromAU.filter { $0["verb"]["id"].string?.hasSuffix("/answered") == true }
        for (index, statement) in answered.enumerated() {
            let question = content.questions[index]
            let chosen = choices[index]
            #expect(statement["object"]["id"].string == content.questionIRIBase + question.interactionID)
            #expect(statement["object"]["definition"]["interactionType"].string == "choice")
            #expect(statement["object"]["definition"]["correctResponsesPattern"] == .array([.string(question.correct)]))
            #expect(statement["result"]["response"].string == ChoiceLetter.letter(at: chosen))
            let correct = plan.questions[index].options[chosen].id == plan.questions[index].correctOptionID
            #expect(statement["result"]["success"].bool == correct)
            // A mistake's reason and the critical notice are shown once.
            let option = question.options[chosen]
            let feedback = view.feedback[index]
            if let mistake = option.mistake, !correct { #expect(feedback.ranges(of: mistake).count == 1, "\(feedback)") }
            let critical = feedback.lowercased().ranges(of: "critical mistake").count
            #expect(critical == (option.critical && !correct ? 1 : 0), "\(feedback)")
        }
        let completed = try #require(fromAU.first { $0["verb"]["id"].string?.hasSuffix("/completed") == true })
        #expect(completed["result"]["completion"].bool == true)
        #expect(completed["result"]["duration"].string != nil)
        let terminated = try #require(fromAU.last)
        #expect(terminated["result"]["duration"].string != nil)
        let verdicts = fromAU.filter { statement in
            ["passed", "failed"].contains { statement["verb"]["id"].string?.hasSuffix("/\($0)") == true }
        }
        let verdict = try #require(verdicts.first)
        #expect(verdict["result"]["success"].bool == expected.passed)
        #expect(view.outcome.hasPrefix(expected.passed ? "Passed" : "Not passed"), "\(view.outcome)")
        #expect(verdict["result"]["duration"].string != nil)
        #expect(verdict["context"]["extensions"][LaunchFixture.masteryScoreExtension].number == policy.passMark)
        let scaled = verdict["result"]["score"]["scaled"].number
        if expected.passed {
            #expect(try #require(scaled) >= policy.passMark)
            #expect(verdict["result"]["score"]["raw"].number == Double(expected.points))
            #expect(verdict["result"]["score"]["max"].number == Double(expected.possible))
        } else if expected.fraction >= policy.passMark {
            #expect(scaled == nil, "a failed statement carries no score at or above the mastery score")
        } else {
            #expect(try #require(scaled) < policy.passMark)
        }
    }

    struct Relaunch: Sendable, CustomTestStringConvertible {
        var first: ScriptedLearner
        var second: ScriptedLearner
        var testDescription: String { "\(first.rawValue), then \(second.rawValue)" }
    }

    /// A second launch of the same registration sends no second completed, no second passed and
    /// no failed after a passed (cmi5 §9.3), and says when an earlier pass stands.
    @Test(arguments: [
        Relaunch(first: .failsByScore, second: .passes), Relaunch(first: .passes, second: .failsByScore),
    ])
    func aRelaunchedRegistrationKeepsCMI5sVerbRules(relaunch: Relaunch) async throws {
        let seed = try LessonRun.seedWithACriticalMistake(Self.jurisdiction)
        let plan = try CoursePackages.plan(Self.jurisdiction, seed: seed)
        let policy = try Fixtures.trainingContent().policy
        let marin = try Fixtures.jurisdiction(Self.jurisdiction)
        let package = try CoursePackages.unzipped(CoursePackages.export().zip(.cmi5, for: marin, seed: seed))
        let first = LaunchFixture(
            activityID: PackageIdentity(jurisdiction: Self.jurisdiction, seed: seed).assignableUnitIRI,
            launchMode: "Normal", masteryScore: policy.passMark)
        let second = first.relaunched()
        let firstPassed = relaunch.first.report(for: plan, policy: policy).passed
        let secondPassed = relaunch.second.report(for: plan, policy: policy).passed

        let (stored, views, queries, violations) = try await RalphLRS.run { lrs in
            let lms = CMI5TestLMS(
                storeStatements: lrs.endpoint.appending(path: "statements").absoluteString, storeAuthorization: lrs.authorization)
            let views = try await PackageSite.run(files: PackageSite.files(of: package, under: "/au"), routes: lms.routes) {
                address in
                try await Chromium.run { browser in
                    [
                        try await Self.session(
                            first, choices: relaunch.first.choices(for: plan), lms: lms, lrs: lrs, address: address,
                            browser: browser),
                        try await Self.session(
                            second, choices: relaunch.second.choices(for: plan), lms: lms, lrs: lrs, address: address,
                            browser: browser),
                    ]
                }
            }
            return (try await Self.stored(first, in: lrs), views, await lms.queries, await lms.violations)
        }
        #expect(violations == [], "LMS violations: \(violations)")
        #expect(queries >= 2, "each Normal launch reads the registration's statements")
        for view in views { #expect(view.errors.isEmpty, "page errors: \(view.errors)") }

        let verbs = stored.map(Self.verb).filter { $0 != "answered" }
        let session = ["launched", "initialized"]
        let expected =
            session + ["completed", firstPassed ? "passed" : "failed", "terminated"] + session
            + (firstPassed ? [] : [secondPassed ? "passed" : "failed"]) + ["terminated"]
        #expect(verbs == expected)
        #expect(verbs.filter { $0 == "completed" }.count == 1)
        #expect(verbs.filter { $0 == "passed" }.count <= 1)
        if let pass = verbs.firstIndex(of: "passed") { #expect(!verbs[pass...].contains("failed")) }
        #expect(views[0].lmsStatus.isEmpty)
        #expect(views[1].lmsStatus.contains("pass stands") == firstPassed, "\(views[1].lmsStatus)")
        #expect(views[1].reportStatus.contains("earlier pass stands") == firstPassed, "\(views[1].reportStatus)")
    }

    enum LMSMastery: String, Sendable, CaseIterable, CustomTestStringConvertible {
        /// The LMS's mastery score is below the learner's score, which is below the pass mark.
        case belowThePassMark
        /// The LMS's mastery score is above the learner's score, which meets the pass mark.
        case aboveThePassMark
        var testDescription: String { rawValue }
    }

    /// When the LMS's LaunchData give a mastery score other than the policy's pass mark, the
    /// player judges by the LMS's (cmi5 §10.2.4), and shows the verdict it records.
    @Test(arguments: LMSMastery.allCases)
    func theVerdictShownIsTheVerdictRecordedUnderTheLMSsMasteryScore(mastery: LMSMastery) async throws {
        let seed = try LessonRun.seedWithACriticalMistake(Self.jurisdiction)
        let plan = try CoursePackages.plan(Self.jurisdiction, seed: seed)
        let policy = try Fixtures.trainingContent().policy
        let marin = try Fixtures.jurisdiction(Self.jurisdiction)
        let package = try CoursePackages.unzipped(CoursePackages.export().zip(.cmi5, for: marin, seed: seed))
        // Right answers, then non-critical wrong ones for the last `count` questions.
        let right = ScriptedLearner.passes.choices(for: plan)
        let wrong = ScriptedLearner.failsByScore.choices(for: plan)
        let attempts = (0...right.count).map { count in
            right.indices.map { $0 >= right.count - count ? wrong[$0] : right[$0] }
        }
        func report(_ choices: [Int], _ policy: ScoringPolicy) -> ScoreReport {
            policy.score(zip(plan.questions, choices).map { AnsweredQuestion(question: $0, chosen: $0.options[$1].id) })
        }
        let choices: [Int]
        var lmsPolicy = policy
        switch mastery {
        case .belowThePassMark:
            choices = try #require(attempts.first { !report($0, policy).passed })
            lmsPolicy.passMark = (report(choices, policy).fraction * 100).rounded(.down) / 100
        case .aboveThePassMark:
            choices = try #require(attempts.last { report($0, policy).passed && report($0, policy).fraction < 1 })
            lmsPolicy.passMark = min(1, ((report(choices, policy).fraction * 100).rounded(.down) + 1) / 100)
        }
        let expected = report(choices, lmsPolicy)
        try #require(expected.passed != report(choices, policy).passed, "the LMS's mastery score must change the verdict")
        let launch = LaunchFixture(
            activityID: PackageIdentity(jurisdiction: Self.jurisdiction, seed: seed).assignableUnitIRI,
            launchMode: "Normal", masteryScore: lmsPolicy.passMark)

        let (stored, view) = try await RalphLRS.run { lrs in
            let lms = CMI5TestLMS(
                storeStatements: lrs.endpoint.appending(path: "statements").absoluteString, storeAuthorization: lrs.authorization)
            let view = try await PackageSite.run(files: PackageSite.files(of: package, under: "/au"), routes: lms.routes) {
                address in
                try await Chromium.run { browser in
                    try await Self.session(launch, choices: choices, lms: lms, lrs: lrs, address: address, browser: browser)
                }
            }
            return (try await Self.stored(launch, in: lrs), view)
        }
        #expect(view.errors.isEmpty, "page errors: \(view.errors)")
        #expect(view.outcome.hasPrefix(expected.passed ? "Passed" : "Not passed"), "\(view.outcome)")
        #expect(view.reasons.contains("set by your LMS"), "\(view.reasons)")
        let verdict = try #require(stored.first { ["passed", "failed"].contains(Self.verb($0)) })
        #expect(Self.verb(verdict) == (expected.passed ? "passed" : "failed"))
        #expect(verdict["result"]["success"].bool == expected.passed)
        #expect(verdict["context"]["extensions"][LaunchFixture.masteryScoreExtension].number == lmsPolicy.passMark)
        let scaled = try #require(verdict["result"]["score"]["scaled"].number)
        #expect((scaled >= lmsPolicy.passMark) == expected.passed)
    }

    /// What the learner saw in one AU session.
    struct SessionView: Sendable {
        var lmsStatus: String
        var outcome: String
        var reasons: String
        var reportStatus: String
        /// The feedback after each answer.
        var feedback: [String]
        var errors: [String]
    }

    /// One AU session of `launch` in a new page of `browser`: the LMS records `launched`, the
    /// learner answers with `choices` and sees the result sent, then leaves it with "Return to
    /// the course", which must take the page to the LaunchData's returnURL (cmi5 §10.2.6).
    static func session(
        _ launch: LaunchFixture, choices: [Int], lms: CMI5TestLMS, lrs: RalphLRS, address: String, browser: Chromium
    ) async throws -> SessionView {
        await lms.prepare(try launch.launch(address: address))
        try await launch.postLaunched(to: lrs, address: address)
        let returnsBefore = await lms.returns
        let page = try await browser.open(launch.url(address: address), width: 390, height: 844)
        let lesson = LessonRun(page: page, frame: nil)
        let feedback = try await lesson.answer(choices)
        try await lesson.waitUntil("the result to be sent", "document.documentElement.dataset.reported === 'true'")
        let texts =
            try await page.evaluate(
                "['lms-status', 'outcome', 'outcome-reasons', 'report-status'].map((id) => document.getElementById(id).textContent)"
            ).array?.map { $0.string ?? "" } ?? []
        try #require(texts.count == 4)
        try await lesson.waitUntil("the return control", "!document.getElementById('return').hidden")
        try await lesson.click("#return")
        let deadline = ContinuousClock.now + .seconds(10)
        while await lms.returns == returnsBefore, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(await lms.returns == returnsBefore + 1, "the page went to the returnURL")
        try await page.waitUntil("the course page", "location.pathname === '/returned'")
        #expect(await lms.fetches == 1, "the auth token is fetched once")
        return SessionView(
            lmsStatus: texts[0], outcome: texts[1], reasons: texts[2], reportStatus: texts[3], feedback: feedback,
            errors: page.errors())
    }

    /// The statements stored under `launch`'s registration, valid for Ralph's strict model, in
    /// the order of their timestamps.
    static func stored(_ launch: LaunchFixture, in lrs: RalphLRS) async throws -> [JSON] {
        let stored = try await lrs.statements(registration: launch.registration)
        let json = try JSONSerialization.data(withJSONObject: stored)
        #expect(try RalphLRS.validate(statementsJSON: json) == [])
        let statements = try #require(try JSON(parsing: String(decoding: json, as: UTF8.self)).array)
        return statements.sorted { ($0["timestamp"].string ?? "") < ($1["timestamp"].string ?? "") }
    }

    /// The last part of a statement's verb id (`passed`…).
    static func verb(_ statement: JSON) -> String {
        (statement["verb"]["id"].string ?? "").split(separator: "/").last.map(String.init) ?? ""
    }
}

/// One launch: the learner, registration and session, the LaunchData the LMS serves, the
/// launched statement it records, and the launch URL (cmi5 §8.1, §9.3.1, §10).
struct LaunchFixture: Sendable {
    static let cmi5Category = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
    static let moveOnCategory = "https://w3id.org/xapi/cmi5/context/categories/moveon"
    static let sessionIDExtension = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
    static let masteryScoreExtension = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore"
    static let publisherID = "https://lms.example.org/courses/csec-marin"

    var activityID: String
    var launchMode: String
    var masteryScore: Double
    var registration = UUID().uuidString.lowercased()
    var sessionID = UUID().uuidString.lowercased()
    var key = UUID().uuidString.lowercased()
    var token = Data(UUID().uuidString.utf8).base64EncodedString()

    /// A later launch of the same registration: a new session, fetch key and token.
    func relaunched() -> LaunchFixture {
        var next = LaunchFixture(activityID: activityID, launchMode: launchMode, masteryScore: masteryScore)
        next.registration = registration
        return next
    }

    var actorJSON: JSON {
        ["objectType": "Agent", "account": ["homePage": "https://lms.example.org", "name": "learner-1"]]
    }

    var contextTemplate: JSON {
        [
            "contextActivities": ["grouping": [["id": .string(Self.publisherID), "objectType": "Activity"]]],
            "extensions": [Self.sessionIDExtension: .string(sessionID)],
        ]
    }

    func url(address: String) throws -> String {
        var components = try #require(URLComponents(string: "\(address)/au/index.html"))
        components.queryItems = [
            URLQueryItem(name: "endpoint", value: "\(address)/xapi/"),
            URLQueryItem(name: "fetch", value: "\(address)/fetch/\(key)"),
            URLQueryItem(name: "actor", value: actorJSON.text),
            URLQueryItem(name: "registration", value: registration),
            URLQueryItem(name: "activityId", value: activityID),
        ]
        // `+` and `&` inside values must be escaped, not only spaces.
        components.percentEncodedQuery = components.percentEncodedQuery?.replacing("+", with: "%2B")
        return try #require(components.string)
    }

    func launch(address: String) throws -> CMI5TestLMS.Launch {
        let launchData: JSON = [
            "contextTemplate": contextTemplate, "launchMode": .string(launchMode), "moveOn": "CompletedAndPassed",
            "masteryScore": .number(masteryScore), "returnURL": .string("\(address)/returned"),
        ]
        return CMI5TestLMS.Launch(
            key: key, token: token, actor: actorJSON.text, registration: registration, activityID: activityID,
            launchData: Data(launchData.text.utf8))
    }

    /// UTC with milliseconds, as cmi5 §9.7 asks.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    /// The LMS's own `launched` statement, sent to the record store before the launch.
    func postLaunched(to lrs: RalphLRS, address: String) async throws {
        var context = contextTemplate
        if case .object(var fields) = context {
            fields["registration"] = .string(registration)
            var activities = fields["contextActivities"]
            if case .object(var lists) = activities {
                lists["category"] = [["id": .string(Self.cmi5Category), "objectType": "Activity"]]
                activities = .object(lists)
            }
            fields["contextActivities"] = activities
            if case .object(var extensions) = fields["extensions"] {
                extensions["https://w3id.org/xapi/cmi5/context/extensions/launchmode"] = .string(launchMode)
                extensions["https://w3id.org/xapi/cmi5/context/extensions/launchurl"] = .string(try url(address: address))
                extensions["https://w3id.org/xapi/cmi5/context/extensions/moveon"] = "CompletedAndPassed"
                extensions[Self.masteryScoreExtension] = .number(masteryScore)
                fields["extensions"] = .object(extensions)
            }
            context = .object(fields)
        }
        let launched: JSON = [
            "id": .string(UUID().uuidString.lowercased()), "actor": actorJSON,
            "verb": ["id": "http://adlnet.gov/expapi/verbs/launched", "display": ["en-US": "launched"]],
            "object": ["id": .string(activityID), "objectType": "Activity"], "context": context,
            "timestamp": .string(Self.timestamp(Date.now)),
            "version": "1.0.3",
        ]
        var request = HTTPClientRequest(url: lrs.endpoint.appending(path: "statements").absoluteString)
        request.method = .POST
        request.headers.add(name: "Authorization", value: lrs.authorization)
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "X-Experience-API-Version", value: "1.0.3")
        request.body = .bytes(ByteBuffer(string: launched.text))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let body = String(buffer: try await response.body.collect(upTo: 1 << 20))
        #expect(response.status.code == 200, "launched: \(body)")
    }
}

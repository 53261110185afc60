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

        let (stored, audit) = try await RalphLRS.run { lrs in
            let lms = CMI5TestLMS(
                storeStatements: lrs.endpoint.appending(path: "statements").absoluteString, storeAuthorization: lrs.authorization)
            let errors = try await PackageSite.run(files: PackageSite.files(of: package, under: "/au"), routes: lms.routes) {
                address in
                await lms.prepare(try launch.launch(address: address))
                try await launch.postLaunched(to: lrs, address: address)
                return try await Chromium.run { browser in
                    let page = try await browser.open(launch.url(address: address), width: 390, height: 844)
                    let lesson = LessonRun(page: page, frame: nil)
                    try await lesson.answer(choices)
                    try await lesson.waitUntil("the result to be sent", "document.documentElement.dataset.reported === 'true'")
                    let status = try await page.evaluate("document.getElementById('report-status').textContent").string ?? ""
                    #expect(status.contains("sent to your LMS"), "\(status)")
                    return page.errors()
                }
            }
            #expect(errors.isEmpty, "page errors: \(errors)")
            let stored = try await lrs.statements(registration: launch.registration)
            let json = try JSONSerialization.data(withJSONObject: stored)
            #expect(try RalphLRS.validate(statementsJSON: json) == [])
            return (try JSON(parsing: String(decoding: json, as: UTF8.self)), (await lms.fetches, await lms.violations))
        }
        #expect(audit.0 == 1, "the auth token is fetched once")
        #expect(audit.1 == [], "LMS violations: \(audit.1)")

        let statements = try #require(stored.array).sorted { ($0["timestamp"].string ?? "") < ($1["timestamp"].string ?? "") }
        let verbs = statements.map { ($0["verb"]["id"].string ?? "").split(separator: "/").last.map(String.init) ?? "" }
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

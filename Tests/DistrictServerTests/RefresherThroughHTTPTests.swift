import Accounts
import Completion
import ContentLoading
import DistrictServer
import DistrictTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import LocalStore
import ProtocolEngine
import RecordStore
import Records
import ScenarioEngine
import Scoring
import Storage
import TestSupport
import Testing
import Training

/// The refresher link through HTTP: it signs the person in and leads to their refresher, which
/// starts on the category their passed attempt missed and is kept as practice.
@Suite(.serialized)
struct RefresherThroughHTTPTests {
    static let person = Trainee(
        name: DistrictFixture.member.name, employeeID: DistrictFixture.member.employeeID,
        school: DistrictFixture.member.school)

    /// A passed course attempt by ``person`` that missed every category question on one
    /// category (the first the plan asks), and that category.
    static func passedAttempt(_ fixture: DistrictFixture) throws -> (CompletionRecord, CategoryID?, TrainingPlan) {
        let content = fixture.content
        let plan = TrainingPlan(
            bank: content.vignettes, jurisdiction: fixture.jurisdiction, length: .course, seed: 3,
            builder: content.questionBuilder)
        func category(_ question: Question) -> CategoryID?? {
            guard question.kind == .category,
                case .category(let category) = question.option(question.correctOptionID)?.origin
            else { return .none }
            return .some(category)
        }
        let target = try #require(plan.questions.lazy.compactMap(category).first)
        let answers = plan.questions.map { question in
            let wrong = question.options.first { $0.id != question.correctOptionID && $0.mistake == nil }?.id
            return AnsweredQuestion(
                question: question, chosen: category(question) == .some(target) ? wrong! : question.correctOptionID)
        }
        let report = content.policy.score(answers)
        let completed = Timestamp(Date().addingTimeInterval(-30 * 24 * 3600), utcOffsetSeconds: 0)
        let record = CompletionRecord(
            id: UUID(), trainee: person,
            training: TrainingModule(
                module: "csec-response-protocol", jurisdiction: fixture.jurisdiction.id.rawValue,
                jurisdictionName: fixture.jurisdiction.name, protocolVersion: "test",
                protocolHash: String(repeating: "a", count: 64), scenarioBankHash: String(repeating: "b", count: 64),
                seed: 3),
            mode: .selfPacedWeb, startedAt: completed, completedAt: completed, activeSeconds: 600, answers: answers,
            score: ScoreSummary(
                points: report.points, possiblePoints: report.possible, percent: report.percent, passed: true,
                reasons: report.reasons, policyID: report.policyID, policyVersion: report.policyVersion),
            policy: content.policy)
        return (record, target, plan)
    }

    @Test func theRefresherLinkLeadsToARefresherOnTheCategoryMissed() async throws {
        let fixture = try DistrictFixture()
        defer { fixture.remove() }
        let (passed, target, earlier) = try Self.passedAttempt(fixture)
        _ = try await FileRecordRepository(store: fixture.store).saveOnce(passed)
        let link = await fixture.invitationPath() + "/refresher"
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            let start = try await browser.get(link)
            #expect(start.path == "/training/refresher" && start.status == .ok)
            #expect(start.body.contains(#"action="/training/refresher""#))
            let page = try await browser.post(
                "/training/refresher", [("csrf_token", try #require(start.field("csrf_token")))])
            #expect(page.path == "/training/question")

            let saved = try #require(try fixture.progress.load(for: DistrictFixture.member.attemptKey))
            #expect(saved.purpose == .refresher)
            let drawn = try #require(saved.drawn)
            let plan = TrainingPlan(
                bank: fixture.content.vignettes, jurisdiction: fixture.jurisdiction, drawn: drawn, seed: saved.seed,
                builder: fixture.content.questionBuilder)
            #expect(plan.questions.count >= SessionLength.targetedRefresherQuestions)
            let first = try #require(plan.vignettes.first)
            #expect(!earlier.vignettes.contains(first), "a case not met before")
            #expect(
                plan.questions.contains { question in
                    question.vignette.id == first && question.kind == .category
                        && question.option(question.correctOptionID)?.origin == .category(target)
                }, "on the category missed")
            #expect(page.field("question") == plan.questions.first?.id)
        }
    }

    /// A refresher answered to the end, every answer right, is practice on its result page:
    /// neither passed nor failed, with no certificate, and leading back to the training.
    @Test func aFinishedRefresherIsShownAsPracticeWithItsScore() async throws {
        let fixture = try DistrictFixture()
        defer { fixture.remove() }
        _ = try await FileRecordRepository(store: fixture.store).saveOnce(try Self.passedAttempt(fixture).0)
        let link = await fixture.invitationPath() + "/refresher"
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            let start = try await browser.get(link)
            var page = try await browser.post("/training/refresher", [("csrf_token", try #require(start.field("csrf_token")))])
            let saved = try #require(try fixture.progress.load(for: DistrictFixture.member.attemptKey))
            let plan = TrainingPlan(
                bank: fixture.content.vignettes, jurisdiction: fixture.jurisdiction, drawn: try #require(saved.drawn),
                seed: saved.seed, builder: fixture.content.questionBuilder)
            for (index, question) in plan.questions.enumerated() {
                page = try await browser.post(
                    "/training/answer",
                    [
                        ("csrf_token", try #require(page.field("csrf_token"))), ("question", question.id),
                        ("option", question.correctOptionID.rawValue),
                    ])
                if index + 1 < plan.questions.count { page = try await browser.get("/training/question") }
            }
            let result = try await browser.post("/training/finish", [("csrf_token", try #require(page.field("csrf_token")))])
            #expect(result.path.hasPrefix("/records/") && result.body.contains("Refresher done"))
            #expect(result.body.contains("100% (") && result.body.contains("practice, not passed or failed"))
            #expect(!result.body.contains("You passed") && !result.body.contains("Not passed"))
            #expect(!result.body.contains("certificate.pdf") && result.body.contains(#"href="/training""#))
        }
    }

    @Test func withoutAPassedTrainingTheRefresherPageSaysSo() async throws {
        let fixture = try DistrictFixture()
        defer { fixture.remove() }
        let link = await fixture.invitationPath() + "/refresher"
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            let start = try await browser.get(link)
            #expect(start.path == "/training/refresher")
            let page = try await browser.post(
                "/training/refresher", [("csrf_token", try #require(start.field("csrf_token")))])
            #expect(page.status == .conflict && page.body.contains("No refresher yet"))
            #expect(try fixture.progress.load(for: DistrictFixture.member.attemptKey) == nil)
        }
    }

    @Test func aRefresherLinkWithAnUnknownTokenSignsNobodyIn() async throws {
        let fixture = try DistrictFixture()
        defer { fixture.remove() }
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            let page = try await browser.get(InvitationLink.pathPrefix + "not-a-token/refresher")
            #expect(page.status == .forbidden)
            let training = try await browser.get("/training/refresher")
            #expect(training.path == "/", "not signed in")
        }
    }
}

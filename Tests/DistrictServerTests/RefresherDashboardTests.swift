import Accounts
import ContentLoading
import DistrictServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ProtocolEngine
import Records
import ScenarioEngine
import Storage
import TestSupport
import Testing
import Training

/// The refreshers page of the dashboard over HTTP, on the administration fixture's October 1,
/// 2026: Rosa passed on September 1 (her first refresher fell due on September 22), Lena passed
/// on August 20 missing a category question and took a refresher on September 12 answering it
/// right (the weak area improved).
@Suite(.serialized)
struct RefresherDashboardTests {
    /// The first category question of a real plan: its ids are the content's own.
    static func categoryQuestion() throws -> Question {
        let content = try Fixtures.trainingContent()
        let plan = TrainingPlan(
            bank: content.vignettes, jurisdiction: try Fixtures.jurisdiction("marin"), length: .course, seed: 3,
            builder: content.questionBuilder)
        return try #require(plan.questions.first { $0.kind == .category })
    }

    static func record(
        _ member: StaffMember, completed: String, question: Question, correct: Bool, purpose: AttemptPurpose = .training
    ) throws -> CompletionRecord {
        let base = SampleRecords.record(
            name: member.name, employeeID: member.employeeID, school: member.school, completed: completed)
        let wrong = try #require(question.options.first { $0.id != question.correctOptionID })
        let result = QuestionResult(
            questionID: question.id, kind: question.kind.rawValue, vignette: question.vignette.id.rawValue,
            stage: question.stage + 1, chosenOption: (correct ? question.correctOptionID : wrong.id).rawValue,
            correctOption: question.correctOptionID.rawValue, points: correct ? 1 : 0, possiblePoints: 1)
        return CompletionRecord(
            id: UUID(), trainee: base.trainee, training: base.training, mode: .selfPacedWeb, startedAt: base.startedAt,
            completedAt: base.completedAt, activeSeconds: 600, questions: [result], score: base.score, purpose: purpose)
    }

    static func store(_ fixture: AdministrationFixture) async throws {
        let question = try categoryQuestion()
        let (rosa, lena) = (AdministrationFixture.staff[0], AdministrationFixture.staff[2])
        for record in [
            try record(rosa, completed: "2026-09-01T10:00:00-07:00", question: question, correct: true),
            try record(lena, completed: "2026-08-20T10:00:00-07:00", question: question, correct: false),
            try record(lena, completed: "2026-09-12T10:00:00-07:00", question: question, correct: true, purpose: .refresher),
        ] {
            _ = try await fixture.records.saveOnce(record)
        }
    }

    @Test func theDashboardShowsWhoIsDueAndWhetherTheWeakAreaImproved() async throws {
        let fixture = try await AdministrationFixture()
        defer { fixture.remove() }
        try await Self.store(fixture)
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            _ = try await browser.signInAsAdministrator()
            let dashboard = try await browser.get("/admin/dashboard")
            #expect(dashboard.body.contains(#"href="/admin/dashboard/refreshers""#))
            let page = try await browser.get("/admin/dashboard/refreshers")
            #expect(page.status == .ok)
            #expect(
                HTMLTable.bodyRows(in: page.body, id: "refreshers-due") == [
                    ["Rosa Delgado", "Redwood High School", "2026-09-01", "1 of 2", "2026-09-22"]
                ])
            #expect(
                HTMLTable.bodyRows(in: page.body, id: "refreshers-taken") == [
                    ["Lena Park", "Tamalpais High School", "2026-09-12", "0% (0 of 1)", "100% (1 of 1)", "yes"]
                ])

            let csv = try await browser.post(
                "/admin/dashboard/refreshers/reminders", [("csrf_token", try #require(page.field("csrf_token")))])
            #expect(csv.status == .ok && csv.headers[.cacheControl] == "no-store")
            #expect(csv.headers[.contentDisposition] == #"attachment; filename="refreshers-2026-10-01.csv""#)
            let lines = HTMLTable.csvRows(csv.body)
            #expect(
                lines.first == [
                    "name", "email", "employee id", "school", "role", "refresher", "due since", "link", "expires",
                ])
            let row = try #require(lines.dropFirst().first)
            #expect(lines.count == 2 && [row[0], row[2], row[5], row[6]] == ["Rosa Delgado", "E-1", "1 of 2", "2026-09-22"])
            #expect(row[7].wholeMatch(of: /http:\/\/localhost\/invitation\/[A-Za-z0-9_-]{43}\/refresher/) != nil)

            // Rosa's link signs her in and leads to her refresher.
            var rosa = TestBrowser(client)
            let signedIn = try await rosa.get(row[7].replacing("http://localhost", with: ""))
            #expect(signedIn.path == "/training/refresher" && signedIn.body.contains("Start the refresher"))
        }
        let issued = try #require(try await fixture.auditEvents().last { $0.action == .invitationsIssued })
        #expect(issued.detail.hasSuffix("refresher links to the people due a refresher, as district administrator"))
    }

    @Test func aSiteAdministratorSeesTheirSchoolsPeopleOnly() async throws {
        let fixture = try await AdministrationFixture()
        defer { fixture.remove() }
        try await Self.store(fixture)
        try await fixture.addSiteAdministrator()
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            _ = try await browser.signInAsAdministrator(AdministrationFixture.siteAdministrator)
            let page = try await browser.get("/admin/dashboard/refreshers")
            #expect(page.body.contains("Rosa Delgado"))
            #expect(!page.body.contains("Lena Park"), "Lena is at another school")
        }
    }
}

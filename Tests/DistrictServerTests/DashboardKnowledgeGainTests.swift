import Accounts
import ContentLoading
import DistrictServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import ItemAnalysis
import ProtocolEngine
import Records
import ScenarioEngine
import Storage
import TestSupport
import Testing

/// The dashboard's knowledge gain: the pre-tests and the training after them of the people the
/// administrator sees, per school, role and category, as the statistics compute them.
@Suite(.serialized)
struct DashboardKnowledgeGainTests {
    /// `member`'s attempt of `purpose` on the first Marin category: a category and a next-step
    /// question, right as `right` says.
    static func attempt(
        _ member: StaffMember, _ purpose: AttemptPurpose, day: Int, right: [Bool]
    ) throws -> CompletionRecord {
        let content = try Fixtures.trainingContent()
        let marin = try Fixtures.jurisdiction("marin")
        let category = marin.categories[0].id
        let catalog = AnalysisContent(jurisdiction: marin, mistakes: content.mistakes).catalog
        let option = try #require(catalog.options.first { $0.value.origin == .category(category) }?.key.rawValue)
        let sample = SampleRecords.record(
            name: member.name, employeeID: member.employeeID, school: member.school,
            completed: "2026-09-\(day)T10:30:00-07:00")
        let questions = zip(["category", "next-step"], right).map { kind, right in
            let correct = kind == "category" ? option : "step:any:1"
            return QuestionResult(
                questionID: "v#1/\(kind)", kind: kind, vignette: "v", stage: 1, chosenOption: right ? correct : "other",
                correctOption: correct, points: right ? 1 : 0, possiblePoints: 1)
        }
        var trainee = sample.trainee
        trainee.role = member.role
        return CompletionRecord(
            id: UUID(), trainee: trainee, training: sample.training, mode: .selfPaced, startedAt: sample.startedAt,
            completedAt: sample.completedAt, activeSeconds: 300, questions: questions, score: sample.score,
            purpose: purpose)
    }

    /// Rosa 50% → 100% and Marcus 0% → 50% at Redwood; Lena 100% → 100% at Tamalpais.
    static func store(_ fixture: AdministrationFixture) async throws {
        let (rosa, marcus, lena) = (
            AdministrationFixture.staff[0], AdministrationFixture.staff[1], AdministrationFixture.staff[2]
        )
        for record in [
            try attempt(rosa, .preTest, day: 10, right: [true, false]),
            try attempt(rosa, .training, day: 11, right: [true, true]),
            try attempt(marcus, .preTest, day: 10, right: [false, false]),
            try attempt(marcus, .training, day: 11, right: [true, false]),
            try attempt(lena, .preTest, day: 21, right: [true, true]),
            try attempt(lena, .training, day: 22, right: [true, true]),
        ] {
            _ = try await fixture.records.saveOnce(record)
        }
    }

    @Test func theDistrictAdministratorSeesEverySchoolsGain() async throws {
        let fixture = try await AdministrationFixture()
        defer { fixture.remove() }
        try await Self.store(fixture)
        let category = try Fixtures.jurisdiction("marin").categories[0].name
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            _ = try await browser.signInAsAdministrator()
            let page = try await browser.get("/admin/dashboard")
            #expect(page.status == .ok)
            let rows = HTMLTable.bodyRows(in: page.body, id: "knowledge-gain-marin")
            #expect(rows.first == ["Everyone", "3", "50.0%", "83.3%", "+33.3", rows.first?[5] ?? "", "0.67"])
            #expect(rows.contains(["School: Redwood High School", "2", "25.0%", "75.0%", "+50.0", "50.0 to 50.0", "0.67"]))
            #expect(
                rows.contains([
                    "School: Tamalpais High School", "1", "100.0%", "100.0%", "0.0", "one person: none",
                    "undefined (pre-test 100%)",
                ]))
            #expect(rows.contains(["Role: Counselor", "1", "0.0%", "50.0%", "+50.0", "one person: none", "0.50"]))
            #expect(rows.contains { $0.first == "Category: \(category)" && $0[1] == "3" })
            #expect(page.body.contains("3 of 3 pre-tests followed by the training"))
        }
    }

    @Test func aSiteAdministratorSeesTheirSchoolOnly() async throws {
        let fixture = try await AdministrationFixture()
        defer { fixture.remove() }
        try await fixture.addSiteAdministrator()
        try await Self.store(fixture)
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            _ = try await browser.signInAsAdministrator(AdministrationFixture.siteAdministrator)
            let page = try await browser.get("/admin/dashboard")
            let rows = HTMLTable.bodyRows(in: page.body, id: "knowledge-gain-marin")
            #expect(rows.first?.prefix(5) == ["Everyone", "2", "25.0%", "75.0%", "+50.0"])
            #expect(!rows.contains { $0.first == "School: Tamalpais High School" })
        }
    }

    @Test func withoutPreTestsTheSectionSaysSo() async throws {
        let fixture = try await AdministrationFixture()
        defer { fixture.remove() }
        try await fixture.storeRosasRecord()
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            _ = try await browser.signInAsAdministrator()
            let page = try await browser.get("/admin/dashboard")
            #expect(page.body.contains("No one has taken both a pre-test and the training after it yet."))
            #expect(HTMLTable.bodyRows(in: page.body, id: "knowledge-gain-marin").isEmpty)
        }
    }
}

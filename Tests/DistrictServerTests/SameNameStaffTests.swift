import DistrictServer
import DistrictTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import LocalStore
import ProtocolEngine
import Records
import ScenarioEngine
import Scoring
import TestSupport
import Testing

/// Two people on the roster may share a name: each keeps an attempt of their own, kept under
/// their employee id, and each record names its own person.
@Suite(.serialized)
struct SameNameStaffTests {
    @Test func twoPeopleWithOneNameEachKeepTheirOwnAttempt() async throws {
        let fixture = try DistrictFixture()
        defer { fixture.remove() }
        let first = DistrictFixture.member
        var second = first
        second.employeeID = "E-9310"
        second.email = "r.delgado@example.org"
        second.school = "Tamalpais High School"
        let answer = try #require(fixture.script.answers.first)
        let (firstLink, secondLink) = (await fixture.invitationPath(for: first), await fixture.invitationPath(for: second))
        try await fixture.application.test(.router) { client in
            var one = TestBrowser(client)
            let oneToken = try #require(try await one.get(firstLink).field("csrf_token"))
            _ = try await one.post("/training/start", [("csrf_token", oneToken)])
            let answered = try await one.post(
                "/training/answer",
                [("csrf_token", oneToken), ("question", answer.question.id), ("option", answer.chosen.rawValue)])
            #expect(answered.path == "/training/feedback")

            var other = TestBrowser(client)
            let otherToken = try #require(try await other.get(secondLink).field("csrf_token"))
            let started = try await other.post("/training/start", [("csrf_token", otherToken)])
            #expect(started.path == "/training/question", "a new attempt of their own, not the other's")
        }
        let firstSaved = try #require(try fixture.progress.load(for: first.attemptKey))
        let secondSaved = try #require(try fixture.progress.load(for: second.attemptKey))
        #expect(firstSaved.answers.count == 1 && secondSaved.answers.isEmpty)
        #expect(firstSaved.person?.employeeID == first.employeeID && secondSaved.person?.employeeID == second.employeeID)
        #expect(firstSaved.person?.name == first.name && secondSaved.person?.name == second.name)
    }
}

import ContentLoading
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

/// The feedback page is shown only for an answer saved on the server: when the save fails, the
/// trainee sees that the step was not taken, never the answer judged.
@Suite(.serialized)
struct AnswerSavedBeforeFeedbackTests {
    @Test func aFailedSaveShowsNoFeedback() async throws {
        let fixture = try DistrictFixture()
        defer { fixture.remove() }
        let answers = fixture.script.answers
        let link = await fixture.invitationPath()
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            let start = try await browser.get(link)
            var page = try await browser.post("/training/start", [("csrf_token", try #require(start.field("csrf_token")))])
            let token = try #require(page.field("csrf_token"))
            // The first answer is saved; the second one's save fails.
            page = try await browser.post(
                "/training/answer",
                [("csrf_token", token), ("question", answers[0].question.id), ("option", answers[0].chosen.rawValue)])
            #expect(page.path == "/training/feedback")
            fixture.progress.failSaves(true)
            page = try await browser.post(
                "/training/answer",
                [("csrf_token", token), ("question", answers[1].question.id), ("option", answers[1].chosen.rawValue)])
            #expect(page.status == .serviceUnavailable && page.path == "/training/answer")
            #expect(!page.body.contains("Correct") && !page.body.contains("Not quite") && !page.body.contains("Why"))
            fixture.progress.failSaves(false)
            #expect(try fixture.progress.load(for: DistrictFixture.member.attemptKey)?.answers.count == 1)
            let next = try await browser.get("/training/question")
            #expect(next.field("question") == answers[1].question.id, "the unsaved answer is asked again")
        }
    }
}

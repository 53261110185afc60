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

/// One trainee's requests are taken one at a time: the same answer sent from two tabs at once is
/// saved once, and neither tab finds the attempt taken by the other.
@Suite(.serialized)
struct SameTraineeTwoTabsTests {
    @Test func theSameAnswerFromTwoTabsAtOnceIsSavedOnce() async throws {
        let fixture = try DistrictFixture()
        defer { fixture.remove() }
        let answer = try #require(fixture.script.answers.first)
        let link = await fixture.invitationPath()
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            let start = try await browser.get(link)
            let token = try #require(start.field("csrf_token"))
            _ = try await browser.post("/training/start", [("csrf_token", token)])
            fixture.progress.slowSaves(.milliseconds(200))
            let form = [("csrf_token", token), ("question", answer.question.id), ("option", answer.chosen.rawValue)]
            let (tab, otherTab) = (browser, browser)
            async let first = tab.sending("/training/answer", form)
            async let second = otherTab.sending("/training/answer", form)
            let statuses = try await [first.status, second.status]
            #expect(statuses == [.seeOther, .seeOther], "neither tab is refused")
            let locations = try await Set([first.location, second.location])
            #expect(locations == ["/training/feedback", "/training/question"], "one saved, one not the current question")
            #expect(try fixture.progress.load(for: DistrictFixture.member.attemptKey)?.answers.count == 1)
        }
    }
}

import Accounts
import Briefing
import Completion
import DistrictServer
import DistrictTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Records
import SessionServer
import Storage
import TestSupport
import Testing

/// The pre-test through HTTP, on a server whose course offers it: offered before a person's first
/// attempt, answered without feedback, finished with a score that is not judged, stored as a
/// pre-test; then the training, on other cases.
@Suite(.serialized)
struct PreTestThroughHTTPTests {
    static func application(_ fixture: DistrictFixture, offering: Bool) -> some ApplicationProtocol {
        var server = fixture.server
        server.offersPreTest = offering
        return Application(router: server.router(), logger: DistrictFixture.quietLogger)
    }

    @Test func thePreTestComesFirstWithoutFeedbackAndTheTrainingAfterOnOtherCases() async throws {
        let fixture = try DistrictFixture()
        defer { fixture.remove() }
        let link = await fixture.invitationPath()
        try await Self.application(fixture, offering: true).test(.router) { client in
            var browser = TestBrowser(client)
            let start = try await browser.get(link)
            #expect(start.path == "/training" && start.body.contains("First, a short pre-test"))
            let note = ContentNote(employeeAssistance: nil)
            #expect(start.body.contains(ContentNote.escaped(note.heading)), "the content note comes before the pre-test")
            for line in note.supportLines { #expect(start.body.contains(ContentNote.escaped(line.text))) }
            var page = try await browser.post(
                "/training/pre-test/start", [("csrf_token", try #require(start.field("csrf_token")))])
            var vignettes: Set<String> = []
            var answered = 0
            while page.path == "/training/question" {
                let question = try #require(page.field("question"))
                #expect(!page.body.contains(#"href="/training/briefing""#), "the briefing comes after the pre-test")
                vignettes.insert(String(question.prefix { $0 != "#" }))
                page = try await browser.post(
                    "/training/answer",
                    [
                        ("csrf_token", try #require(page.field("csrf_token"))), ("question", question),
                        ("option", try #require(page.field("option"))),
                    ])
                answered += 1
                #expect(!page.body.contains("Correct") && !page.body.contains("Not quite"), "no feedback")
                #expect(answered < 40)
            }
            #expect(answered > 0)
            #expect(page.body.contains(#"action="/training/pre-test/finish""#))
            let done = try await browser.post(
                "/training/pre-test/finish", [("csrf_token", try #require(page.field("csrf_token")))])
            #expect(done.body.contains("Pre-test done") && done.body.contains("not passed or failed"))
            #expect(!done.body.contains("You passed"))

            let summaries = try await fixture.server.training.records.summaries().summaries
            #expect(summaries.count == 1)
            let record = try await fixture.server.training.records.find(try #require(summaries.first?.id)).record
            #expect(record.purpose == .preTest && record.schemaVersion == 5 && record.questions.count == answered)
            #expect(!record.outcome.completesTraining)

            let again = try await browser.get("/training")
            #expect(!again.body.contains("First, a short pre-test"), "offered once")
            let training = try await browser.post("/training/start", [("csrf_token", try #require(again.field("csrf_token")))])
            let first = try #require(training.field("question"))
            #expect(!vignettes.contains(String(first.prefix { $0 != "#" })), "the training draws other cases first")
        }
    }

    @Test func aCourseWithoutThePreTestStartsWithTheTraining() async throws {
        let fixture = try DistrictFixture()
        defer { fixture.remove() }
        let link = await fixture.invitationPath()
        try await Self.application(fixture, offering: false).test(.router) { client in
            var browser = TestBrowser(client)
            let start = try await browser.get(link)
            #expect(start.path == "/training" && !start.body.contains("First, a short pre-test"))
            let refused = try await browser.post(
                "/training/pre-test/start", [("csrf_token", try #require(start.field("csrf_token")))])
            #expect(refused.path == "/training")
            #expect(try await fixture.server.training.records.summaries().summaries.isEmpty)
        }
    }
}

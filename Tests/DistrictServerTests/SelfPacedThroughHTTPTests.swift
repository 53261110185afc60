import Accounts
import Briefing
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
import SessionServer
import TestSupport
import Testing
import Training
import Verification

/// A whole self-paced attempt through HTTP, as a trainee's browsers make it: an invitation link,
/// the content note, half the questions on one device, the rest on another (a second
/// invitation, a new session, its own cookies), the outcome, the signed record in the
/// repository, and the certificate and credential downloaded. The answers come from the engine.
@Suite(.serialized)
struct SelfPacedThroughHTTPTests {
    @Test func anAttemptStartedOnOneDeviceIsFinishedOnAnotherAndDownloaded() async throws {
        let fixture = try DistrictFixture()
        defer { fixture.remove() }
        let answers = ScriptedAnswers(
            content: fixture.content, jurisdiction: fixture.jurisdiction, count: DistrictFixture.vignettes,
            seed: DistrictFixture.seed, wrongEvery: nil
        ).answers
        let member = DistrictFixture.member
        let firstLink = await fixture.invitationPath()
        let secondLink = await fixture.invitationPath()
        try await fixture.application.test(.router) { client in
            var phone = TestBrowser(client)
            let start = try await phone.get(firstLink)
            #expect(start.path == "/training" && start.status == .ok)
            let note = ContentNote(employeeAssistance: nil)
            #expect(start.body.contains(ContentNote.escaped(note.heading)))
            for line in note.supportLines { #expect(start.body.contains(ContentNote.escaped(line.text))) }
            var page = try await phone.post("/training/start", [("csrf_token", try #require(start.field("csrf_token")))])
            #expect(page.path == "/training/question")

            let half = answers.count / 2
            for (index, answer) in answers.enumerated() {
                if index == half {
                    // Stop on the phone; continue on the desktop, signed in anew.
                    var desktop = TestBrowser(client)
                    let resumed = try await desktop.get(secondLink)
                    #expect(resumed.body.contains(#"href="/training/question""#), "offers to continue")
                    page = try await desktop.get("/training/question")
                    phone = desktop
                }
                #expect(page.field("question") == answer.question.id, "the engine's question \(index + 1)")
                page = try await phone.post(
                    "/training/answer",
                    [
                        ("csrf_token", try #require(page.field("csrf_token"))), ("question", answer.question.id),
                        ("option", answer.chosen.rawValue),
                    ])
                #expect(page.path == "/training/feedback" && page.body.contains("Correct"))
                let source = answer.question.explanation.source
                if !source.isEmpty { #expect(page.body.contains(ContentNote.escaped(source)), "cites the protocol") }
                let saved = try fixture.progress.load(for: member.attemptKey)
                #expect(saved?.answers.count == index + 1, "saved before its feedback was shown")
                if index + 1 < answers.count { page = try await phone.get("/training/question") }
            }
            #expect(page.body.contains(#"action="/training/finish""#))
            let result = try await phone.post("/training/finish", [("csrf_token", try #require(page.field("csrf_token")))])
            let id = try #require(result.path.split(separator: "/").last.map(String.init))
            #expect(result.path == "/records/\(id)" && result.body.contains("You passed"))

            let stored = try fixture.store.find(id)
            try fixture.store.verify(stored)
            let record = stored.record
            #expect(record.mode == .selfPacedWeb && record.schemaVersion == 4)
            #expect(record.trainee.employeeID == member.employeeID && record.trainee.school == member.school)
            #expect(record.questions.map(\.questionID) == answers.map(\.question.id))
            #expect(record.questions.map(\.chosenOption) == answers.map(\.chosen.rawValue))
            #expect(record.score == ScoreSummary(fixture.content.policy.score(answers)))
            #expect(try fixture.progress.load(for: member.attemptKey) == nil, "the attempt in progress is cleared")

            let file = try await phone.get("/records/\(id)/record.json")
            #expect(file.headers[.contentType] == "application/json" && Data(file.bytes) == stored.bytes, "as stored")
            let keys = TrustedKeys([TrustedKeys.Key(publicKey: fixture.store.key.publicKey, issuer: nil)])
            let pdf = try await phone.get("/records/\(id)/certificate.pdf")
            #expect(pdf.headers[.contentType] == "application/pdf")
            let verified = try CertificatePDFVerification.verify(Data(pdf.bytes), trusting: keys)
            #expect(verified.record.record.id == record.id && verified.verdict.person == member.name)
            try await Self.checkWithQPDF(Data(pdf.bytes))
            let credential = try await phone.get("/records/\(id)/credential.jwt")
            let token = credential.body.trimmingCharacters(in: .whitespacesAndNewlines)
            let badge = try await CredentialVerification.verify(token, trusting: keys, now: Date())
            #expect(badge.person == member.name)
            try OpenBadgesSchemaCheck.check(token)
        }
    }

    /// The start page links to the county's briefing, which can be read before and between the
    /// questions.
    @Test func theBriefingComesBeforeTheQuestions() async throws {
        let fixture = try DistrictFixture()
        defer { fixture.remove() }
        let link = await fixture.invitationPath()
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            let start = try await browser.get(link)
            #expect(start.body.contains(#"href="/training/briefing""#))
            let briefing = try await browser.get("/training/briefing")
            #expect(briefing.status == .ok && briefing.body.contains(ContentNote.escaped(fixture.briefing.title)))
            for section in fixture.briefing.sections {
                #expect(briefing.body.contains(ContentNote.escaped(section.heading)), "\(section.heading)")
            }
        }
    }

    /// A wrong answer's page says so, with the correct answer, before the next question.
    @Test func aWrongAnswerShowsTheCorrectOne() async throws {
        let fixture = try DistrictFixture()
        defer { fixture.remove() }
        let question = try #require(fixture.script.plan.questions.first)
        let wrong = try #require(question.options.first { $0.id != question.correctOptionID })
        let correct = try #require(question.correctOption)
        let link = await fixture.invitationPath()
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            let start = try await browser.get(link)
            let page = try await browser.post("/training/start", [("csrf_token", try #require(start.field("csrf_token")))])
            let feedback = try await browser.post(
                "/training/answer",
                [
                    ("csrf_token", try #require(page.field("csrf_token"))), ("question", question.id),
                    ("option", wrong.id.rawValue),
                ])
            #expect(feedback.body.contains("Not quite") && feedback.body.contains(ContentNote.escaped(correct.text)))
            #expect(feedback.body.contains(#"href="/training/question""#))
        }
    }

    /// Each step lets the attempt go before its page is sent: the trainee's next request, sent
    /// the moment a page arrives, never finds it still taken (the hold is released on the
    /// threads that read the disk, not whenever a reference to it happens to go).
    @Test func theNextStepNeverFindsTheAttemptStillTaken() async throws {
        let fixture = try DistrictFixture()
        defer { fixture.remove() }
        let question = try #require(fixture.script.plan.questions.first)
        let link = await fixture.invitationPath()
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            let start = try await browser.get(link)
            let token = try #require(start.field("csrf_token"))
            _ = try await browser.post("/training/start", [("csrf_token", token)])
            for _ in 0..<100 {
                let page = try await browser.get("/training/question")
                #expect(page.status == .ok && page.field("question") == question.id)
            }
            let feedback = try await browser.post(
                "/training/answer",
                [("csrf_token", token), ("question", question.id), ("option", question.correctOptionID.rawValue)])
            #expect(feedback.path == "/training/feedback" && feedback.status == .ok)
            for _ in 0..<100 { #expect(try await browser.get("/training/feedback").status == .ok) }
        }
    }

    /// An attempt that does not pass keeps its signed record, and gets no certificate.
    @Test func aFailedAttemptHasARecordButNoCertificate() async throws {
        let fixture = try DistrictFixture()
        defer { fixture.remove() }
        let answers = ScriptedAnswers(
            content: fixture.content, jurisdiction: fixture.jurisdiction, count: DistrictFixture.vignettes,
            seed: DistrictFixture.seed, wrongEvery: 1
        ).answers
        #expect(!fixture.content.policy.score(answers).passed, "every answer wrong")
        let link = await fixture.invitationPath()
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            let start = try await browser.get(link)
            let token = try #require(start.field("csrf_token"))
            _ = try await browser.post("/training/start", [("csrf_token", token)])
            for answer in answers {
                let fields = [("csrf_token", token), ("question", answer.question.id), ("option", answer.chosen.rawValue)]
                #expect(try await browser.post("/training/answer", fields).body.contains("Not quite"))
            }
            let result = try await browser.post("/training/finish", [("csrf_token", token)])
            #expect(result.body.contains("Not passed") && !result.body.contains("certificate.pdf"))
            let id = try #require(result.path.split(separator: "/").last.map(String.init))
            #expect(try fixture.store.find(id).record.score?.passed == false)
            let refused = try await browser.get("/records/\(id)/certificate.pdf")
            #expect(refused.status == .conflict && refused.headers[.contentType]?.hasPrefix("text/html") == true)
        }
    }

    /// Another person's record (the same name, another employee id) is not found, nor are its
    /// downloads.
    @Test func anotherPersonsRecordIsNotFound() async throws {
        let fixture = try DistrictFixture()
        defer { fixture.remove() }
        let record = SampleRecords.record(name: DistrictFixture.member.name, employeeID: "E-9999")
        _ = try fixture.store.save(record)
        let link = await fixture.invitationPath()
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            _ = try await browser.get(link)
            let id = record.id.uuidString.lowercased()
            let paths = ["", "/record.json", "/certificate.pdf", "/credential.jwt"].map { "/records/\(id)\($0)" }
            for path in paths {
                #expect(try await browser.get(path).status == .notFound, "\(path)")
            }
        }
    }

    /// `qpdf --check` passes on the downloaded certificate (qpdf missing: skipped outside CI,
    /// failed in it).
    static func checkWithQPDF(_ pdf: Data) async throws {
        guard let qpdf = Program.locate("qpdf") else {
            if ProcessInfo.processInfo.environment["CI"] != nil { Issue.record("qpdf is not installed (Debian: qpdf)") }
            return
        }
        let file = FileManager.default.temporaryDirectory.appending(path: "district-certificate-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: file) }
        try pdf.write(to: file)
        let check = try await Program.run(qpdf, ["--check", file.path])
        #expect(check.status == 0, "qpdf --check: \(check.output)\(check.error)")
    }
}

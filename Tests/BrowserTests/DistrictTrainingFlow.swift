import Briefing
import BrowserTesting
import DistrictServer
import DistrictTestSupport
import Foundation
import ProtocolEngine
import RecordStore
import Records
import ScenarioEngine
import Scoring
import TestSupport
import Testing

/// A whole self-paced attempt as a trainee makes it in Chromium, whatever signed them in (an
/// invitation link, the district's OpenID provider): the start page with the content note, the
/// briefing, half the questions (the first by keyboard alone), then another device (a second
/// browser context, signed in anew) for the rest, the outcome, and the PDF certificate and the
/// Open Badges credential downloaded and checked. On each of the server's pages axe-core finds
/// no serious or critical violation, nothing scrolls sideways, and a screenshot is kept. The
/// answers come from the engine.
struct DistrictTrainingFlow {
    let fixture: DistrictFixture
    let shots: Screenshots

    /// Runs the attempt. `signIn(device)` opens a new browser context (device 0, then device 1
    /// half-way), signs the trainee in there, and returns its tab once it shows /training.
    func run(signIn: (_ device: Int) async throws -> BrowserPage) async throws {
        let answers = ScriptedAnswers(
            content: fixture.content, jurisdiction: fixture.jurisdiction, count: DistrictFixture.vignettes,
            seed: DistrictFixture.seed, wrongEvery: nil
        ).answers
        var page = try await signIn(0)
        try await shots.check(page, named: "start")
        try await expectTheContentNote(on: page)
        try await page.submit("a[href='/training/briefing']", expecting: "/training/briefing")
        try await shots.check(page, named: "briefing")
        try await page.submit("a[href='/training']", expecting: "/training")
        try await page.submit("form[action='/training/start'] button", expecting: "/training/question")
        for (index, answer) in answers.enumerated() {
            if index == answers.count / 2 {
                // Stop here; continue on another device, signed in anew.
                page = try await signIn(1)
                try await shots.check(page, named: "resume")
                try await page.submit("a[href='/training/question']", expecting: "/training/question")
            }
            if index == 0 { try await shots.check(page, named: "question") }
            let shown = try await page.evaluate(#"document.querySelector("input[name=question]").value"#).string
            #expect(shown == answer.question.id, "the engine's question \(index + 1), also after the change of device")
            if index == 0 {
                let position = try #require(answer.question.options.firstIndex { $0.id == answer.chosen })
                try await page.answerWithTheKeyboard(choosing: position)
            } else {
                try await page.click("input[value='\(answer.chosen.rawValue)']")
                try await page.submit("form[action='/training/answer'] button", expecting: "/training/feedback")
            }
            if index == 0 { try await shots.check(page, named: "feedback") }
            if index + 1 < answers.count {
                try await page.submit("a[href='/training/question']", expecting: "/training/question")
            }
        }
        try await page.submit("form[action='/training/finish'] button", expecting: "/records/")
        try await shots.check(page, named: "result")
        let id = try #require(try await page.evaluate("location.pathname").string?.split(separator: "/").last)
        let record = try fixture.store.find(String(id)).record
        #expect(record.score?.passed == true, "every answer was the right one")
        #expect(record.trainee.employeeID == DistrictFixture.member.employeeID)
        #expect(record.questions.map(\.questionID) == answers.map(\.question.id))
        try await downloadTheCertificates(from: page)
    }

    /// The start page shows the content note, its heading and every support line, before any
    /// question.
    private func expectTheContentNote(on page: BrowserPage) async throws {
        let text = try #require(try await page.evaluate("document.body.innerText").string)
        let note = fixture.server.contentNote
        #expect(text.contains(note.heading))
        for line in note.supportLines { #expect(text.contains(line.name), "\(line.name)") }
    }

    /// The outcome page's two downloads, saved by Chromium and checked.
    private func downloadTheCertificates(from page: BrowserPage) async throws {
        let folder = fixture.directory.appending(path: "downloads-\(UUID().uuidString)")
        let pdf = try await DistrictDownloads.download(
            clicking: "a[href$='/certificate.pdf']", on: page, into: folder.appending(path: "pdf"))
        try await DistrictDownloads.checkCertificate(pdf, dataDirectory: fixture.directory)
        let credential = try await DistrictDownloads.download(
            clicking: "a[href$='/credential.jwt']", on: page, into: folder.appending(path: "credential"))
        try await DistrictDownloads.checkCredential(credential, dataDirectory: fixture.directory)
    }
}

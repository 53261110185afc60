import AsyncHTTPClient
import Foundation
import NIOHTTP1
import ScenarioEngine

/// One simulated trainee of the web benchmark, through the pages as a person goes: the
/// invitation link, the training page with its content note, the briefing, Start, then each
/// question (its options read from the page), a pause to read it, the answer, its feedback, and
/// after the last one Finish and the record's page. The answer's time runs from sending its
/// POST until the feedback page it redirects to has arrived in full.
///
/// The first question waits for the whole room (``WebLoadState/firstRoundStart``), then
/// trainee `number` answers `number`/`trainees` of a second later: every trainee answers within
/// the same second. Every later question is read for a random time (``WebPace``).
struct WebTrainee {
    let number: Int
    let link: String
    let browser: WebBrowser
    let pace: WebPace
    let state: WebLoadState

    /// The option sent for each question, by question id.
    func run(seed: UInt64) async throws -> [String: String] {
        var generator = SplitMix64(seed: seed &+ UInt64(number))
        var browser = browser
        let signedIn = try await browser.signIn(with: link)
        try expect(signedIn, .seeOther, to: "/training", after: "the invitation link")
        guard browser.cookie != nil else { throw failure("the invitation link set no session cookie") }
        state.update { $0.signedIn += 1 }

        let start = try await browser.get("/training")
        try expect(start, .ok, after: "GET /training")
        guard start.body.contains(#"id="content-note""#), let token = start.fieldValue(named: "csrf_token") else {
            throw failure("the training page has no content note or no form token")
        }
        if start.body.contains(#"href="/training/briefing""#) {
            try expect(try await browser.get("/training/briefing"), .ok, after: "GET /training/briefing")
        }
        try expect(
            try await browser.post("/training/start", form: ["csrf_token": token]), .seeOther, to: "/training/question",
            after: "POST /training/start")

        var sent: [String: String] = [:]
        let clock = ContinuousClock()
        var question = try await browser.get("/training/question")
        while true {
            try expect(question, .ok, after: "GET /training/question")
            let options = question.fieldValues(named: "option")
            guard let questionID = question.fieldValue(named: "question"), !options.isEmpty else {
                throw failure("question \(sent.count + 1) has no question id or no options")
            }
            let option = options[Int.random(in: 0..<options.count, using: &generator)]
            let firstRound = sent.isEmpty
            if firstRound {
                state.update { $0.atFirstQuestion += 1 }
                let roundStart = try await state.firstRoundStart()
                try await Task.sleep(until: roundStart + pace.firstRound * number / max(pace.trainees, 1), clock: clock)
            } else {
                try await Task.sleep(for: pace.readingTime(using: &generator))
            }

            let sentAt = clock.now
            let answered = try await browser.post(
                "/training/answer", form: ["csrf_token": token, "question": questionID, "option": option])
            try expect(answered, .seeOther, to: "/training/feedback", after: "POST /training/answer")
            let feedback = try await browser.get("/training/feedback")
            let took = clock.now - sentAt
            try expect(feedback, .ok, after: "GET /training/feedback")
            guard feedback.body.contains(#"<div role="status">"#) else { throw failure("the feedback page has no verdict") }
            sent[questionID] = option
            state.update {
                $0.answerTimes.append(took)
                if firstRound { $0.firstRoundTimes.append(took) }
            }

            if feedback.body.contains(#"action="/training/finish""#) { break }
            question = try await browser.get("/training/question")
        }
        let finished = try await browser.post("/training/finish", form: ["csrf_token": token])
        try expect(finished, .seeOther, after: "POST /training/finish")
        guard let record = finished.location, record.hasPrefix("/records/") else {
            throw failure("finishing led to \(finished.location ?? "nowhere"), not the record")
        }
        try expect(try await browser.get(record), .ok, after: "GET \(record)")
        state.update { $0.finished += 1 }
        return sent
    }

    private func expect(
        _ page: WebBrowser.Page, _ status: HTTPResponseStatus, to location: String? = nil, after step: String
    ) throws {
        guard page.status == status, location == nil || page.location == location else {
            throw failure(
                "\(step) answered \(page.status.code)\(page.location.map { " to \($0)" } ?? ""), not \(status.code)"
                    + (location.map { " to \($0)" } ?? ""))
        }
    }

    private func failure(_ message: String) -> ValidationFailure {
        ValidationFailure(message: "trainee \(number + 1): \(message)")
    }
}

/// How fast the simulated trainees go: the first round within `firstRound`, then each question
/// read for a random time between none and twice `meanReading`.
struct WebPace: Sendable {
    var trainees: Int
    var firstRound: Duration = .seconds(1)
    var meanReading: Duration

    func readingTime(using generator: inout some RandomNumberGenerator) -> Duration {
        meanReading * Double.random(in: 0...2, using: &generator)
    }
}

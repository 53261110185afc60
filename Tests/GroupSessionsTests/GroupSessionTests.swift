import ContentLoading
import Foundation
import GroupSessions
import ProtocolEngine
import ScenarioEngine
import Scoring
import TestSupport
import Testing
import Training

struct GroupSessionTests {
    let session: GroupSession
    let secret: SessionSecret
    var generator = SplitMix64(seed: 99)

    init() throws {
        session = try SampleSessions.session(vignettes: 2, planSeed: 4, codeSeed: 1)
        secret = session.secretForFacilitator
    }

    mutating func joined(_ session: inout GroupSession, _ name: String) throws -> Participant {
        try session.join(code: session.joinCode.text.lowercased(), name: name, using: &generator).get()
    }

    @Test func theSameSeedGivesTheSameCodes() throws {
        var again = SplitMix64(seed: 1)
        let twin = GroupSession(id: "ROOM-7", facilitator: "Dana Whitfield", plan: session.plan, using: &again)
        #expect(twin.joinCode == session.joinCode && twin.secretForFacilitator == secret)
        #expect(session.joinCode.text.count == 6 && secret.text.count == 32)
        #expect(twin.keyForProjector == session.keyForProjector)
    }

    /// The projector follows the room with its own key or the facilitator's secret, nothing else;
    /// its key is not the secret, so a projector link cannot run the session.
    @Test func onlyTheProjectorKeyOrTheSecretMayWatch() {
        let key = session.keyForProjector
        #expect(key != secret && key.text.count == 32)
        #expect(session.mayWatch(with: key) && session.mayWatch(with: secret))
        #expect(!session.mayWatch(with: SessionSecret(text: "")))
        #expect(!session.mayWatch(with: SessionSecret(text: key.text.uppercased())))
        var copy = session
        #expect(copy.perform(.next, secret: key) == .failure(.notTheFacilitator))
    }

    @Test mutating func wrongCodesAreRefusedAndLeaveNoTrace() {
        var session = session
        for attempt in 0..<10_000 {
            let code = String(format: "%06d", attempt)
            #expect(session.join(code: code, name: "Guess \(attempt)", using: &generator) == .failure(.wrongCode))
        }
        #expect(session.participants.isEmpty)
        let spaced = session.joinCode.text.prefix(3) + " " + session.joinCode.text.dropFirst(3).lowercased()
        #expect((try? session.join(code: String(spaced), name: "Ana Ruiz", using: &generator).get()) != nil)
    }

    /// Joins go through ``ParticipantText`` (its own table tests the rule): a refused name or
    /// employee id is said back, and nobody joins.
    @Test(arguments: [
        ("", nil, ParticipantTextProblem(field: .name, kind: .empty)),
        ("\u{200B} ", nil, ParticipantTextProblem(field: .name, kind: .empty)),
        (String(repeating: "x", count: 81), nil, ParticipantTextProblem(field: .name, kind: .tooLong(limit: 80))),
        ("Ana\u{1B}[2J", nil, ParticipantTextProblem(field: .name, kind: .controlCharacter)),
        ("Ana Ruiz", "E-1\u{1B}[2J", ParticipantTextProblem(field: .employeeID, kind: .controlCharacter)),
        ("Ana\u{202E}ziuR", nil, ParticipantTextProblem(field: .name, kind: .directionControl)),
        ("Ana Ruiz", String(repeating: "9", count: 41), ParticipantTextProblem(field: .employeeID, kind: .tooLong(limit: 40))),
    ])
    mutating func unacceptableNamesAndEmployeeIDsAreRefused(
        _ name: String, _ employeeID: String?, _ problem: ParticipantTextProblem
    ) {
        var session = session
        let result = session.join(code: session.joinCode.text, name: name, employeeID: employeeID, using: &generator)
        #expect(result == .failure(.unacceptableText(problem)))
        #expect(session.participants.isEmpty)
    }

    /// A name is only text: `<script>` is kept as typed (pages escape every name they show).
    @Test mutating func markupInANameIsKeptAsText() throws {
        var session = session
        let participant = try joined(&session, "  <script>alert(1)</script>  ")
        #expect(participant.name == "<script>alert(1)</script>")
    }

    @Test mutating func eachAnswerCountsForItsTokensParticipantOnly() throws {
        var session = session
        let ana = try joined(&session, "Ana Ruiz")
        let kim = try joined(&session, "Kim Lee")
        let question = session.plan.questions[0]
        let first = question.options[0].id
        let second = question.options[1].id

        #expect(session.answer(token: ana.token, question: 0, option: first) == .failure(.questionNotOpen), "not yet asked")
        #expect(session.perform(.next, secret: secret) == .success(.asking(0)))
        #expect(session.answer(token: ana.token, question: 0, option: first) == .success(()))
        #expect(session.answer(token: kim.token, question: 0, option: first) == .success(()))
        #expect(session.answer(token: kim.token, question: 0, option: second) == .success(()), "changed before the reveal")
        #expect(
            session.answer(token: SessionSecret(text: "forged"), question: 0, option: second) == .failure(.unknownParticipant))
        #expect(session.answer(token: ana.token, question: 1, option: first) == .failure(.questionNotOpen))
        #expect(session.answer(token: ana.token, question: 0, option: "mistake:invented") == .failure(.noSuchOption))

        let counts = session.distribution(of: 0)
        #expect(counts.first { $0.option == first }?.count == 1 && counts.first { $0.option == second }?.count == 1)
        #expect(session.answerCount(of: 0) == 2)

        #expect(session.perform(.reveal, secret: secret) == .success(.revealed(0)))
        #expect(session.answer(token: ana.token, question: 0, option: second) == .failure(.questionNotOpen), "closed")
        #expect(session.participant(with: kim.token) == kim, "a reconnecting participant is found by its token")
    }

    @Test mutating func onlyTheFacilitatorControlsTheSession() throws {
        var session = session
        #expect(session.perform(.next, secret: SessionSecret(text: secret.text.uppercased())) == .failure(.notTheFacilitator))
        #expect(session.perform(.end, secret: SessionSecret(text: "")) == .failure(.notTheFacilitator))
        #expect(session.phase == .lobby)
        #expect(session.perform(.reveal, secret: secret) == .failure(.questionNotOpen))
        #expect(session.perform(.next, secret: secret) == .success(.asking(0)))
        #expect(session.perform(.next, secret: secret) == .failure(.revealFirst))
        for index in session.plan.questions.indices {
            if index > 0 { #expect(session.perform(.next, secret: secret) == .success(.asking(index))) }
            #expect(session.perform(.reveal, secret: secret) == .success(.revealed(index)))
        }
        #expect(session.perform(.next, secret: secret) == .failure(.noMoreQuestions))
        #expect(session.perform(.end, secret: secret) == .success(.ended))
        #expect(session.join(code: session.joinCode.text, name: "Late", using: &generator) == .failure(.sessionEnded))
    }

    /// At the end, every participant has an attempt the scoring module scores; a question left
    /// unanswered counts as wrong.
    @Test mutating func attemptsScoreAsTheScoringModuleDoes() throws {
        var session = session
        let ana = try joined(&session, "Ana Ruiz")
        _ = try joined(&session, "Kim Lee")
        for index in session.plan.questions.indices {
            _ = session.perform(.next, secret: secret)
            _ = session.answer(token: ana.token, question: index, option: session.plan.questions[index].correctOptionID)
            _ = session.perform(.reveal, secret: secret)
        }
        _ = session.perform(.end, secret: secret)
        let policy = try Fixtures.trainingContent().policy
        let attempts = session.attempts()
        #expect(attempts.map(\.participant.name) == ["Ana Ruiz", "Kim Lee"])
        #expect(attempts.allSatisfy { $0.answers.count == session.plan.questions.count })
        #expect(policy.score(attempts[0].answers).percent == 100)
        #expect(policy.score(attempts[1].answers).points == 0)
    }
}

extension Result where Success == Void, Failure == Refusal {
    static func == (left: Self, right: Self) -> Bool {
        switch (left, right) {
        case (.success, .success): true
        case (.failure(let a), .failure(let b)): a == b
        default: false
        }
    }
}

extension Result where Success == Participant, Failure == Refusal {
    static func == (left: Self, right: Self) -> Bool {
        switch (left, right) {
        case (.success(let a), .success(let b)): a == b
        case (.failure(let a), .failure(let b)): a == b
        default: false
        }
    }
}

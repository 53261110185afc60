import Foundation
import GroupSessions
import ProtocolEngine
import ScenarioEngine
import TestSupport
import Testing
import Training

/// A session replayed from its events is the live session: random sequences of joins (some
/// again with a rejoin key), answers, removals and commands, right and wrong, go through the
/// decisions the session server makes; the events they give, through JSON and back, replay to a
/// session equal to the live one.
struct SessionReplayTests {
    static let names = ["Ana Ruiz", "Kim Lee", "Sam Ortiz", "Lee Park", "Jo Chen"]

    @Test(arguments: 0..<60 as Range<UInt64>)
    func aReplayedSessionIsTheLiveSession(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var live = try SampleSessions.session(vignettes: 1, planSeed: seed % 5, codeSeed: seed)
        live = GroupSession(
            id: live.id, facilitator: live.facilitator, plan: live.plan, capacity: Int.random(in: 2...6, using: &random),
            using: &random)
        var events: [SessionEvent] = [.created(live.creation)]
        var tokens: [SessionSecret] = []
        let keys = (0..<4).map { _ in SessionSecret(using: &random) }
        for _ in 0..<Int.random(in: 1...80, using: &random) {
            let decision = Self.randomDecision(for: live, tokens: tokens, keys: keys, using: &random)
            guard let event = decision else { continue }
            if case .joined(let participant) = event { tokens.append(participant.token) }
            #expect(live.apply(event) == .success(()), "a decided event applies")
            events.append(event)
        }

        let encoded = try events.map { try JSONEncoder().encode($0) }
        let decoded = try encoded.map { try JSONDecoder().decode(SessionEvent.self, from: $0) }
        #expect(decoded == events, "seed \(seed): events survive JSON")
        let replayed = try GroupSession(replaying: decoded, plan: live.plan)
        #expect(replayed == live, "seed \(seed)")
        #expect(replayed.participants == live.participants && replayed.phase == live.phase)
        #expect(replayed.joinCode == live.joinCode && replayed.keyForProjector == live.keyForProjector)
        for index in live.plan.questions.indices {
            #expect(replayed.distribution(of: index).map(\.count) == live.distribution(of: index).map(\.count))
        }
        #expect(replayed.attempts().map(\.answers) == live.attempts().map(\.answers))
    }

    /// One random request, decided as the server does: its event, or nil when refused or when
    /// nothing changes.
    static func randomDecision(
        for session: GroupSession, tokens: [SessionSecret], keys: [SessionSecret], using random: inout SplitMix64
    ) -> SessionEvent? {
        let secret = Int.random(in: 0..<8, using: &random) == 0 ? SessionSecret(text: "forged") : session.secretForFacilitator
        switch Int.random(in: 0..<10, using: &random) {
        case 0..<3:
            let code = Int.random(in: 0..<10, using: &random) == 0 ? "WRONG1" : session.joinCode.text
            let key = Bool.random(using: &random) ? keys.randomElement(using: &random) : nil
            return try? session.decideJoin(
                code: code, name: names.randomElement(using: &random)!, rejoinKey: key, using: &random
            ).get().event
        case 3..<7:
            guard let token = tokens.randomElement(using: &random) else { return nil }
            let question = Int.random(in: 0..<session.plan.questions.count, using: &random)
            let options = session.plan.questions[question].options.map(\.id) + ["mistake:invented"]
            return try? session.decideAnswer(
                token: token, question: Bool.random(using: &random) ? question : openQuestion(session) ?? question,
                option: options.randomElement(using: &random)!
            ).get().event
        case 7:
            let id = Int.random(in: 1...max(1, tokens.count + 1), using: &random)
            return try? session.decideRemoval(of: id, secret: secret).get().event
        default:
            let commands: [GroupSession.Command] = [.next, .next, .reveal, .reveal, .end]
            let command = commands[Int.random(in: 0..<(Int.random(in: 0..<12, using: &random) == 0 ? 5 : 4), using: &random)]
            return try? session.decide(command, secret: secret).get().event
        }
    }

    static func openQuestion(_ session: GroupSession) -> Int? {
        if case .asking(let index) = session.phase { index } else { nil }
    }

    /// A participant who joins again from the same device with the same name (any case) is the
    /// same participant, with the same token and answers; another name with that key is a new one.
    @Test func aRejoinKeyWithTheSameNameIsTheSameParticipant() throws {
        var session = try SampleSessions.session(vignettes: 1, planSeed: 4, codeSeed: 1)
        var random = SplitMix64(seed: 3)
        let key = SessionSecret(using: &random)
        let code = session.joinCode.text
        let ana = try session.join(code: code, name: "Ana Ruiz", rejoinKey: key, using: &random).get()
        _ = session.perform(.next, secret: session.secretForFacilitator)
        let option = session.plan.questions[0].options[1].id
        #expect(session.answer(token: ana.token, question: 0, option: option) == .success(()))

        let again = try session.join(code: code, name: " ana ruiz ", rejoinKey: key, using: &random).get()
        #expect(again == ana)
        #expect(session.participants.count == 1)
        #expect(session.chosen(by: again.id, question: 0) == option)
        #expect(session.decideJoin(code: code, name: "Ana Ruiz", rejoinKey: key, using: &random).map(\.event) == .success(nil))

        let other = try session.join(code: code, name: "Kim Lee", rejoinKey: key, using: &random).get()
        #expect(other.id != ana.id && other.token != ana.token, "someone else on the same device")
        #expect(session.participant(withRejoinKey: key) == other)
        #expect(session.join(code: "WRONG1", name: "Ana Ruiz", rejoinKey: key, using: &random) == .failure(.wrongCode))
    }

    @Test(arguments: ["", "short", String(repeating: "a", count: 65), "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\u{1B}"])
    func aMalformedRejoinKeyIsNotKept(_ text: String) throws {
        var session = try SampleSessions.session(vignettes: 1, planSeed: 4, codeSeed: 1)
        var random = SplitMix64(seed: 3)
        let code = session.joinCode.text
        let first = try session.join(code: code, name: "Ana Ruiz", rejoinKey: SessionSecret(text: text), using: &random).get()
        #expect(first.rejoinKey == nil)
        let second = try session.join(code: code, name: "Ana Ruiz", rejoinKey: SessionSecret(text: text), using: &random).get()
        #expect(second.id != first.id)
    }

    /// A journal that does not fit the content or itself is refused, naming the event.
    @Test func aJournalThatDoesNotFitIsRefusedByEvent() throws {
        let session = try SampleSessions.session(vignettes: 1, planSeed: 4, codeSeed: 1)
        let otherPlan = try SampleSessions.session(vignettes: 1, planSeed: 5, codeSeed: 1).plan
        #expect(throws: SessionReplayError.self) { try GroupSession(replaying: [.created(session.creation)], plan: otherPlan) }
        do {
            _ = try GroupSession(replaying: [.created(session.creation)], plan: otherPlan)
        } catch {
            guard case .planDiffers(let difference) = error.problem else { throw error }
            #expect(error.description.contains("content changed") && !difference.isEmpty, "\(error)")
        }
        let unknown = SessionEvent.answered(participant: 4, question: 0, option: session.plan.questions[0].options[0].id)
        #expect(
            throws: SessionReplayError(event: 3, problem: .refused(.unknownParticipant))
        ) { try GroupSession(replaying: [.created(session.creation), .command(.next), unknown], plan: session.plan) }
        #expect(throws: SessionReplayError(event: 1, problem: .notStarted)) {
            try GroupSession(replaying: [.command(.next)], plan: session.plan)
        }
        #expect(throws: SessionReplayError(event: 2, problem: .refused(.questionNotOpen))) {
            try GroupSession(replaying: [.created(session.creation), .command(.reveal)], plan: session.plan)
        }
    }
}

extension Result where Success == SessionEvent?, Failure == Refusal {
    static func == (left: Self, right: Self) -> Bool {
        switch (left, right) {
        case (.success(let a), .success(let b)): a == b
        case (.failure(let a), .failure(let b)): a == b
        default: false
        }
    }
}

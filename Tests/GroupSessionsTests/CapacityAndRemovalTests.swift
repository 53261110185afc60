import Foundation
import GroupSessions
import ProtocolEngine
import ScenarioEngine
import TestSupport
import Testing
import Training

/// The session's capacity, and the facilitator removing a participant.
struct CapacityAndRemovalTests {
    var generator = SplitMix64(seed: 7)

    func session(capacity: Int = GroupSession.defaultCapacity) throws -> GroupSession {
        let sample = try SampleSessions.session(vignettes: 2, planSeed: 4, codeSeed: 1)
        var codes = SplitMix64(seed: 1)
        return GroupSession(id: "ROOM-7", facilitator: "Dana Whitfield", plan: sample.plan, capacity: capacity, using: &codes)
    }

    mutating func join(_ session: inout GroupSession, _ name: String) -> Result<Participant, Refusal> {
        session.join(code: session.joinCode.text, name: name, using: &generator)
    }

    /// Joins beyond the capacity are refused, saying so; a place freed by a removal is taken again.
    @Test(arguments: [1, 3, 12])
    mutating func joinsBeyondTheCapacityAreRefused(_ capacity: Int) throws {
        var session = try session(capacity: capacity)
        for number in 1...capacity { #expect((try? join(&session, "Person \(number)").get()) != nil) }
        #expect(join(&session, "One Too Many") == .failure(.sessionFull(capacity: capacity)))
        #expect(
            Refusal.sessionFull(capacity: capacity).description.contains(
                "full (\(capacity) \(capacity == 1 ? "person" : "people"))"))
        _ = session.remove(participant: 1, secret: session.secretForFacilitator)
        #expect((try? join(&session, "Late Comer").get())?.id == capacity + 1, "numbers are never reused")
    }

    @Test func theDefaultCapacityHoldsAStaffMeeting() throws {
        #expect(try session().capacity == 500)
    }

    /// A removed participant's answers are dropped (no record), their token neither resumes nor
    /// answers, and the others are untouched.
    @Test mutating func aRemovedParticipantLeavesNoAnswersAndCannotComeBack() throws {
        var session = try session()
        let secret = session.secretForFacilitator
        let kim = try join(&session, "Kim Lee").get()
        let ana = try join(&session, "Ana Ruiz").get()
        _ = session.perform(.next, secret: secret)
        let option = session.plan.questions[0].options[0].id
        _ = session.answer(token: kim.token, question: 0, option: option)
        _ = session.answer(token: ana.token, question: 0, option: option)
        #expect(session.remove(participant: kim.id, secret: ana.token) == .failure(.notTheFacilitator))
        #expect(session.remove(participant: kim.id, secret: secret) == .success(kim))
        #expect(session.participants == [ana])
        #expect(session.answerCount(of: 0) == 1)
        #expect(session.participant(with: kim.token) == nil && session.wasRemoved(kim.token))
        #expect(session.answer(token: kim.token, question: 0, option: option) == .failure(.removed))
        #expect(session.attempts().map(\.participant) == [ana])
        #expect(session.remove(participant: kim.id, secret: secret) == .failure(.noSuchParticipant))
        _ = session.perform(.end, secret: secret)
        #expect(session.remove(participant: ana.id, secret: secret) == .failure(.sessionEnded))
    }
}

import ContentLoading
import Foundation
import GroupSessions
import ProtocolEngine
import Records
import ScenarioEngine
import Scoring
import SessionServer
import TestSupport
import Testing
import Training

/// At the end each participant's page is told their own outcome, scored as their completion
/// record is; the projector is told only that the session ended.
struct OwnOutcomeAtTheEndTests {
    /// A room of Ana (answers every question correctly) and Kim (answers every one wrongly), a
    /// projector, and the facilitator, who asks `asked` questions then ends.
    static func endedRoom(asking asked: Int? = nil) async throws -> (
        messages: [String: [[String: Any]]], session: GroupSession, policy: ScoringPolicy
    ) {
        let policy = try Fixtures.trainingContent().policy
        let session = try SampleSessions.session(vignettes: 2, planSeed: 3, codeSeed: 5)
        let secret = session.secretForFacilitator
        let room = SessionRoom(session: session, generator: SplitMix64(seed: 6), policy: policy)
        var streams: [String: AsyncStream<String>] = [:]
        var ids: [String: Int] = [:]
        for name in ["Ana Ruiz", "Kim Lee", "projector"] { (ids[name], streams[name]) = await room.connect() }
        await room.receive(.watch(key: session.keyForProjector.text), from: try #require(ids["projector"]))
        for name in ["Ana Ruiz", "Kim Lee"] {
            await room.receive(.join(code: session.joinCode.text, name: name, employeeID: nil), from: try #require(ids[name]))
        }
        let tokens = await room.session.participants.map(\.token.text)
        for (index, question) in session.plan.questions.enumerated().prefix(asked ?? session.plan.questions.count) {
            #expect(await room.perform(.next, secret: secret) == .success(.asking(index)))
            let wrong = try #require(question.options.first { $0.id != question.correctOptionID })
            for (name, token, option) in zip3(["Ana Ruiz", "Kim Lee"], tokens, [question.correctOptionID, wrong.id]) {
                await room.receive(.answer(token: token, question: index, option: option.rawValue), from: try #require(ids[name]))
            }
            #expect(await room.perform(.reveal, secret: secret) == .success(.revealed(index)))
        }
        #expect(await room.perform(.end, secret: secret) == .success(.ended))
        var messages: [String: [[String: Any]]] = [:]
        for (name, stream) in streams {
            for await text in stream {
                let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
                messages[name, default: []].append(try #require(object))
            }
        }
        return (messages, await room.session, policy)
    }

    private static func zip3<A, B, C>(_ a: [A], _ b: [B], _ c: [C]) -> [(A, B, C)] {
        zip(a, zip(b, c)).map { ($0, $1.0, $1.1) }
    }

    static func outcome(of name: String, in messages: [String: [[String: Any]]]) throws -> [String: Any]? {
        let ended = try #require(messages[name]?.last)
        #expect(ended["type"] as? String == "ended")
        return ended["outcome"] as? [String: Any]
    }

    @Test func eachParticipantIsToldTheirOwnOutcomeAsTheirRecordScoresIt() async throws {
        let (messages, session, policy) = try await Self.endedRoom()
        let planned = session.plan.questions.count
        for (participant, answers) in session.attempts() {
            let record = ScoreSummary.groupSession(answers, policy: policy, planned: planned)
            let outcome = try #require(try Self.outcome(of: participant.name, in: messages))
            #expect(outcome["passed"] as? Bool == record.passed, "\(participant.name)")
            #expect(outcome["percent"] as? Int == record.percent, "\(participant.name)")
            #expect(outcome["reasons"] as? [String] == record.reasons, "\(participant.name)")
        }
        // Ana answered every question correctly, Kim none.
        #expect(try Self.outcome(of: "Ana Ruiz", in: messages)?["passed"] as? Bool == true)
        #expect(try Self.outcome(of: "Kim Lee", in: messages)?["passed"] as? Bool == false)
        #expect(try Self.outcome(of: "projector", in: messages) == nil)
    }

    @Test func aSessionEndedEarlyTellsEveryoneWhyTheyDidNotPass() async throws {
        let (messages, session, _) = try await Self.endedRoom(asking: 1)
        try #require(session.plan.questions.count > 1)
        for name in ["Ana Ruiz", "Kim Lee"] {
            let outcome = try #require(try Self.outcome(of: name, in: messages))
            #expect(outcome["passed"] as? Bool == false, "\(name)")
            let reasons = outcome["reasons"] as? [String] ?? []
            #expect(reasons.contains { $0.contains("a session ended early does not complete the training") }, "\(name)")
        }
    }
}

import Foundation
import GroupSessions
import HummingbirdTesting
import HummingbirdWSTesting
import ProtocolEngine
import ScenarioEngine
import SessionServer
import Synchronization
import TestSupport
import Testing
import Training

/// Joining again with the page's rejoin key, a reloaded page told its answer, and the room's
/// journal: every change kept in order, and acknowledged only once it is saved.
struct RejoinAndJournalTests {
    static let rejoinKey = "9f3c2a7be1d04c58a6f1e2d3c4b5a697"

    static func join(_ code: String, _ name: String, key: String? = rejoinKey) -> String {
        let keyField = key.map { #","rejoinKey":"\#($0)""# } ?? ""
        return #"{"type":"join","code":"\#(code)","name":"\#(name)"\#(keyField)}"#
    }

    static func decoded(_ texts: [String]) -> [[String: Any]] { texts.map(Received.decode) }

    /// The tab is closed and the participant joins again from the same device: the same
    /// participant (number, token), shown the answer they gave, and counted once.
    @Test func joiningAgainWithTheRejoinKeyIsTheSameParticipant() async throws {
        let (server, room, session) = try JoinOnceCapacityRemovalTests.server()
        let code = session.joinCode.text
        let secret = session.secretForFacilitator
        let option = session.plan.questions[0].options[2].id.rawValue
        try await server.application(host: "127.0.0.1", port: 0).test(.live) { client in
            let first = try await SessionServerTests.exchange(client, sending: [Self.join(code, "Ana Ruiz")]) {
                $0.contains { $0["type"] as? String == "joined" }
            }
            let joined = try #require(Self.decoded(first).first { $0["type"] as? String == "joined" })
            let token = try #require(joined["token"] as? String)
            await room.perform(.next, secret: secret)
            _ = try await SessionServerTests.exchange(
                client, sending: [#"{"type":"answer","token":"\#(token)","question":0,"option":"\#(option)"}"#]
            ) { $0.contains { $0["type"] as? String == "answered" } }

            let again = try await SessionServerTests.exchange(client, sending: [Self.join(code, "ana ruiz")]) {
                $0.contains { $0["type"] as? String == "answered" }
            }
            let messages = Self.decoded(again)
            let rejoined = try #require(messages.first { $0["type"] as? String == "joined" })
            #expect(rejoined["participant"] as? Int == joined["participant"] as? Int)
            #expect(rejoined["token"] as? String == token)
            #expect(messages.map { $0["type"] as? String } == ["joined", "question", "answered"])
            #expect(messages.last?["chosen"] as? String == option)
        }
        #expect(await room.participantCount == 1)
    }

    /// A reloaded page resumes with its token and is told the question, its own answer, and the
    /// reveal, in that order (the phone marks the answer and says why it was not the protocol's).
    @Test func aResumedPageIsToldItsAnswerBeforeTheReveal() async throws {
        let session = try SampleSessions.session(vignettes: 1, planSeed: 3, codeSeed: 5)
        let room = SessionRoom(session: session, generator: SplitMix64(seed: 6))
        let option = session.plan.questions[0].options[1].id.rawValue
        let (page, _) = await room.connect()
        await room.receive(.join(code: session.joinCode.text, name: "Kim Lee", employeeID: nil), from: page)
        let kim = try #require(await room.session.participants.first)
        await room.perform(.next, secret: session.secretForFacilitator)
        await room.receive(.answer(token: kim.token.text, question: 0, option: option), from: page)
        await room.perform(.reveal, secret: session.secretForFacilitator)

        let (reloaded, messages) = await room.connect()
        await room.receive(.resume(token: kim.token.text), from: reloaded)
        await room.disconnect(reloaded)
        var received: [[String: Any]] = []
        for await text in messages { received.append(Received.decode(text)) }
        #expect(received.map { $0["type"] as? String } == ["joined", "question", "answered", "reveal"])
        #expect(received[2]["chosen"] as? String == option)
    }

    /// Every join, answer, removal and command reaches the journal in order, and the journal's
    /// events replay to the room's session.
    @Test func everyChangeIsJournaledInOrder() async throws {
        let session = try SampleSessions.session(vignettes: 1, planSeed: 3, codeSeed: 5)
        let journal = RecordingJournal()
        let room = SessionRoom(session: session, generator: SplitMix64(seed: 6), journal: journal)
        let secret = session.secretForFacilitator
        let option = session.plan.questions[0].options[0].id
        let (page, _) = await room.connect()
        await room.receive(
            .join(code: session.joinCode.text, name: "Ana Ruiz", employeeID: nil, rejoinKey: Self.rejoinKey), from: page)
        let (other, _) = await room.connect()
        await room.receive(.join(code: session.joinCode.text, name: "Kim Lee", employeeID: nil), from: other)
        let (sameDevice, _) = await room.connect()
        await room.receive(
            .join(code: session.joinCode.text, name: "Ana Ruiz", employeeID: nil, rejoinKey: Self.rejoinKey), from: sameDevice)
        await room.perform(.next, secret: secret)
        let participants = await room.session.participants
        #expect(participants.count == 2, "joining again from the same device is no new participant")
        let ana = try #require(participants.first)
        let kim = try #require(participants.last)
        await room.receive(.answer(token: ana.token.text, question: 0, option: option.rawValue), from: page)
        await room.receive(.answer(token: "forged", question: 0, option: option.rawValue), from: page)
        await room.remove(participant: kim.id, secret: secret)
        await room.perform(.reveal, secret: SessionSecret(text: "forged"))

        #expect(
            journal.events == [
                .joined(ana), .joined(kim), .command(.next), .answered(participant: ana.id, question: 0, option: option),
                .removed(participant: kim.id),
            ])
        #expect(ana.rejoinKey == SessionSecret(text: Self.rejoinKey))
        let replayed = try GroupSession(replaying: [.created(session.creation)] + journal.events, plan: session.plan)
        #expect(await replayed == room.session)
    }

    /// The answer is acknowledged only once the journal has saved it; the projector's counts
    /// need not wait.
    @Test func anAnswerIsAcknowledgedOnlyOnceSaved() async throws {
        let session = try SampleSessions.session(vignettes: 1, planSeed: 3, codeSeed: 5)
        let journal = RecordingJournal()
        let room = SessionRoom(session: session, generator: SplitMix64(seed: 6), journal: journal)
        let (page, messages) = await room.connect()
        await room.receive(.join(code: session.joinCode.text, name: "Ana Ruiz", employeeID: nil), from: page)
        await room.perform(.next, secret: session.secretForFacilitator)
        let ana = try #require(await room.session.participants.first)
        let option = session.plan.questions[0].options[0].id.rawValue

        journal.holdSaves()
        let answering = Task { await room.receive(.answer(token: ana.token.text, question: 0, option: option), from: page) }
        try await SessionServerTests.until { journal.events.count == 3 && journal.waiting > 0 }
        await room.disconnect(page)
        var received: [String] = []
        for await text in messages { received.append(text) }
        #expect(!received.contains { $0.contains(#""type":"answered""#) }, "not acknowledged before it is saved")
        journal.releaseSaves()
        await answering.value

        let (again, replies) = await room.connect()
        await room.receive(.answer(token: ana.token.text, question: 0, option: option), from: again)
        await room.disconnect(again)
        var acknowledged: [String] = []
        for await text in replies { acknowledged.append(text) }
        #expect(acknowledged.contains { $0.contains(#""type":"answered""#) && $0.contains(option) })
    }

    /// A journal that cannot write: the page is told its answer did not count, and nothing changes.
    @Test func anAnswerTheJournalCannotTakeIsRefusedAndChangesNothing() async throws {
        let session = try SampleSessions.session(vignettes: 1, planSeed: 3, codeSeed: 5)
        let journal = RecordingJournal()
        let room = SessionRoom(session: session, generator: SplitMix64(seed: 6), journal: journal)
        let (page, messages) = await room.connect()
        await room.receive(.join(code: session.joinCode.text, name: "Ana Ruiz", employeeID: nil), from: page)
        await room.perform(.next, secret: session.secretForFacilitator)
        let ana = try #require(await room.session.participants.first)
        journal.failAppends()
        await room.receive(
            .answer(token: ana.token.text, question: 0, option: session.plan.questions[0].options[0].id.rawValue), from: page)
        #expect(await room.perform(.reveal, secret: session.secretForFacilitator) == .failure(.notSaved))
        await room.disconnect(page)
        var received: [String] = []
        for await text in messages { received.append(text) }
        #expect(received.last?.contains("could not be saved on the facilitator's computer") == true, "\(received)")
        #expect(await room.session.answerCount(of: 0) == 0)
        #expect(await room.session.phase == .asking(0))
    }
}

/// A journal in memory: keeps the events appended, and can hold saves back or refuse appends.
final class RecordingJournal: SessionJournal {
    private struct State {
        var events: [SessionEvent] = []
        var failing = false
        var holding = false
        var held: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    struct CannotWrite: Error {}

    var events: [SessionEvent] { state.withLock { $0.events } }
    var waiting: Int { state.withLock { $0.held.count } }

    func append(_ event: SessionEvent) throws -> Int {
        try state.withLock { state in
            if state.failing { throw CannotWrite() }
            state.events.append(event)
            return state.events.count
        }
    }

    func save(through place: Int) async throws {
        await withCheckedContinuation { continuation in
            let hold = state.withLock { state in
                if state.holding { state.held.append(continuation) }
                return state.holding
            }
            if !hold { continuation.resume() }
        }
    }

    func holdSaves() { state.withLock { $0.holding = true } }
    func failAppends() { state.withLock { $0.failing = true } }

    func releaseSaves() {
        let held = state.withLock { state in
            state.holding = false
            defer { state.held = [] }
            return state.held
        }
        for continuation in held { continuation.resume() }
    }
}

import Foundation
import GroupSessions
import LocalStore
import ProtocolEngine
import ScenarioEngine
import TestSupport
import Testing
import Training

/// The session journal on disk: events come back in order; a last line cut short by a crash is
/// dropped (and cut off before the journal goes on); a damaged line before it is an error naming
/// the file and line; a finished session cannot be reopened; one process at a time.
struct SessionJournalTests {
    let data: URL
    let journals: SessionJournals
    let session: GroupSession

    init() throws {
        data = try Fixtures.temporaryDirectory()
        journals = SessionJournals(directory: data)
        session = try SampleSessions.session(vignettes: 1, planSeed: 4, codeSeed: 1)
    }

    /// A few events of `session`: two joins, the first question opened and answered.
    func events() throws -> [SessionEvent] {
        var live = session
        var random = SplitMix64(seed: 8)
        let ana = try live.join(code: live.joinCode.text, name: "Ana Ruiz", using: &random).get()
        let kim = try live.join(code: live.joinCode.text, name: "Kim Lee", using: &random).get()
        let option = live.plan.questions[0].options[0].id
        return [
            .joined(ana), .joined(kim), .command(.next), .answered(participant: ana.id, question: 0, option: option),
            .answered(participant: kim.id, question: 0, option: option),
        ]
    }

    /// `session`'s journal reopened, once no process holds it. A journal closed by this process
    /// can stay locked for a moment: a process another test starts in parallel is a copy of
    /// this one until it runs its program, and shares the lock of every file open here until
    /// then (close-on-exec closes them only at that point).
    func reopenOnceFree() async throws -> (SessionJournalContents, SessionJournalFile) {
        for _ in 0..<50 {
            do {
                return try journals.reopen(session.id)
            } catch SessionJournalError.inUse {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        return try journals.reopen(session.id)
    }

    /// Starts the journal, appends `events`, saves them, and closes it.
    func write(_ events: [SessionEvent]) async throws {
        let journal = try journals.create(
            session.creation, startedAt: Date(timeIntervalSince1970: 1_800_000_000), address: "127.0.0.1:8080")
        var last = 0
        for event in events { last = try journal.append(event) }
        try await journal.save(through: last)
        journal.close()
    }

    var file: URL { journals.file(for: session.id) }

    @Test func eventsComeBackInOrderAndTheJournalGoesOn() async throws {
        defer { try? FileManager.default.removeItem(at: data) }
        let events = try events()
        try await write(Array(events.prefix(3)))
        do {
            let (contents, journal) = try await reopenOnceFree()
            #expect(contents.events == [.created(session.creation)] + events.prefix(3))
            #expect(contents.header.address == "127.0.0.1:8080" && contents.header.session == session.id)
            for event in events.dropFirst(3) { try await journal.save(through: try journal.append(event)) }
            journal.close()
        }
        let (contents, _) = try await reopenOnceFree()
        #expect(contents.events == [.created(session.creation)] + events)
        #expect(try GroupSession(replaying: contents.events, plan: session.plan).answerCount(of: 0) == 2)
    }

    /// `kill -9` or a power cut in the middle of a write: the last line has no line break. It is
    /// dropped, cut off the file, and the next event starts a line of its own.
    @Test(arguments: [1, 10, 30])
    func aLastLineCutShortIsDroppedAndCutOff(keeping bytes: Int) async throws {
        defer { try? FileManager.default.removeItem(at: data) }
        let events = try events()
        try await write(Array(events.prefix(4)))
        let whole = try Data(contentsOf: file)
        let lastLine = try JSONEncoder().encode(events[4])
        try (whole + lastLine.prefix(bytes)).write(to: file)

        do {
            let (contents, journal) = try await reopenOnceFree()
            #expect(contents.events.count == 5, "the header's session start and four events")
            #expect(contents.droppedBytes == bytes)
            #expect(try Data(contentsOf: file) == whole, "the cut-short line is cut off")
            try await journal.save(through: try journal.append(events[4]))
            journal.close()
        }
        let (contents, _) = try await reopenOnceFree()
        #expect(contents.events == [.created(session.creation)] + events)
    }

    /// A whole line that is not a journal line, before the last, says where and what.
    @Test(arguments: [
        DamagedLine(name: "not JSON", line: 3, text: "{\"type\":\"joined\",", problem: "it is not JSON"),
        DamagedLine(name: "an unknown type", line: 4, text: #"{"type":"cheered"}"#, problem: "“type”"),
        DamagedLine(
            name: "a missing field", line: 5, text: #"{"type":"answered","question":0}"#, problem: "“participant” is missing"),
    ])
    func aDamagedLineIsAnErrorWithItsFileAndLine(_ damage: DamagedLine) async throws {
        defer { try? FileManager.default.removeItem(at: data) }
        try await write(try events())
        var lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        lines[damage.line - 1] = Substring(damage.text)
        try Data(lines.joined(separator: "\n").utf8).write(to: file)

        #expect {
            _ = try journals.reopen(session.id)
        } throws: { error in
            guard case .damagedLine(let path, let line, let problem) = error as? SessionJournalError else { return false }
            let message = (error as? SessionJournalError)?.description ?? ""
            return path == file.path && line == damage.line && problem.contains(damage.problem)
                && message.hasPrefix("\(file.path):\(damage.line): error: ")
        }
    }

    @Test func aFinishedSessionIsNotReopenedNorTheNewestToResume() async throws {
        defer { try? FileManager.default.removeItem(at: data) }
        try await write(try events())
        #expect(try journals.newestUnfinished() == session.id)
        do {
            let (_, journal) = try await reopenOnceFree()
            try journal.markFinished(at: Date())
        }
        #expect(throws: SessionJournalError.finished(path: file.path, sessionID: session.id)) {
            _ = try journals.reopen(session.id)
        }
        #expect(throws: SessionJournalError.nothingToResume(directory: data.path)) { _ = try journals.newestUnfinished() }
        #expect(throws: SessionJournalError.noSuchSession(id: "../records", directory: data.path)) {
            _ = try journals.reopen("../records")
        }
    }

    /// One host at a time: a second process (or a second open) is refused while the first holds it.
    @Test func aJournalInUseIsRefused() async throws {
        defer { try? FileManager.default.removeItem(at: data) }
        try await write(try events())
        let (_, first) = try await reopenOnceFree()
        #expect(throws: SessionJournalError.inUse(path: file.path)) { _ = try journals.reopen(session.id) }
        withExtendedLifetime(first) {}
    }

    /// Many events saved at once: every waiter returns, each only when its event is on the disk,
    /// and all of them are read back in order.
    @Test func manyWaitersShareTheFlushes() async throws {
        defer { try? FileManager.default.removeItem(at: data) }
        let journal = try journals.create(session.creation, startedAt: Date(), address: nil)
        var live = session
        var random = SplitMix64(seed: 2)
        let participants = try (0..<400).map { number in
            try live.join(code: live.joinCode.text, name: "Person \(number)", using: &random).get()
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for participant in participants {
                let place = try journal.append(.joined(participant))
                group.addTask { try await journal.save(through: place) }
            }
            try await group.waitForAll()
        }
        let contents = try SessionJournals.read(file)
        #expect(contents.events == [.created(session.creation)] + participants.map(SessionEvent.joined))
    }
}

/// Journals as released csec-trainer versions wrote them keep reading; a newer format is refused.
struct SessionJournalFormatTests {
    static let fixtures = Fixtures.repositoryRoot.appending(path: "Tests/LocalStoreTests/Fixtures")

    @Test func aFormatOneJournalReads() throws {
        let contents = try SessionJournals.read(Self.fixtures.appending(path: "journal-format-1.jsonl"))
        #expect(contents.header.format == 1 && contents.header.session == "session-2026-11-30-1000000001")
        #expect(contents.header.address == "0.0.0.0:8080")
        #expect(contents.finished != nil)
        guard case .created(let creation) = contents.events.first else { return #expect(Bool(false), "starts with created") }
        #expect(creation.joinCode.text == "B5P3GK" && creation.capacity == 500 && creation.plan.jurisdiction == "marin")
        guard case .joined(let ana) = contents.events[1], case .joined(let kim) = contents.events[2] else {
            return #expect(Bool(false), "two joins")
        }
        #expect(ana.rejoinKey?.text == "9f3c2a7be1d04c58a6f1e2d3c4b5a697" && ana.employeeID == nil)
        #expect(kim.employeeID == "E-7" && kim.rejoinKey == nil)
        #expect(contents.events.count == 10)
        #expect(Array(contents.events.suffix(3)) == [.removed(participant: 2), .command(.reveal), .command(.end)])
    }

    @Test func aNewerFormatIsRefused() throws {
        let data = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let file = data.appending(path: "journal.jsonl")
        try Data((#"{"format":2,"session":"s","startedAt":"2026-11-30T09:00:00Z"}"# + "\n").utf8).write(to: file)
        #expect(throws: SessionJournalError.unsupportedFormat(path: file.path, found: 2)) {
            _ = try SessionJournals.read(file)
        }
    }
}

struct DamagedLine: Sendable, CustomTestStringConvertible {
    var name: String
    var line: Int
    var text: String
    var problem: String
    var testDescription: String { name }
}

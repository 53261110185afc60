import Foundation
import GroupSessions
import LocalStore

/// A live group session's life outside its room: started with its journal in the data
/// directory, and ended by writing its records, after which the journal says it finished (a
/// session whose records could not all be written stays unfinished, so it can be restored and
/// ended again without writing any record twice).
public struct LiveGroupSessions: Sendable {
    public let journals: SessionJournals
    public let clock: TrainingClock

    public init(dataDirectory: URL, clock: TrainingClock = .system) {
        journals = SessionJournals(directory: dataDirectory)
        self.clock = clock
    }

    /// A new session of `setup` for up to `capacity` people, its codes from `generator`, and its
    /// journal started (with the address it listens at, for a restore).
    public func start(
        _ setup: GroupSessionSetup, capacity: Int, address: String, using generator: inout some RandomNumberGenerator
    ) throws(SessionJournalError) -> LiveGroupSession {
        let session = GroupSession(
            id: setup.sessionID, facilitator: setup.facilitator, plan: setup.plan, capacity: capacity, using: &generator)
        let started = clock.now()
        let journal = try journals.create(session.creation, startedAt: started, address: address)
        return LiveGroupSession(session: session, journal: journal, started: started)
    }

    /// Writes the records of `ended` through `ending`; when every one is written, marks its
    /// journal finished.
    public func end(
        _ ended: GroupSession, of live: LiveGroupSession, setup: GroupSessionSetup, ending: GroupSessionEnding
    ) async throws(SessionJournalError) -> GroupSessionEnding.Report {
        let report = await ending.write(
            GroupSessionRecords.live(ended, setup: setup, started: live.started, clock: clock))
        if report.problems.isEmpty { try live.journal.markFinished(at: clock.now()) }
        return report
    }
}

/// A live session as it starts (or is restored): the session, its journal, and when it began.
public struct LiveGroupSession: Sendable {
    public let session: GroupSession
    public let journal: SessionJournalFile
    public let started: Date

    public init(session: GroupSession, journal: SessionJournalFile, started: Date) {
        self.session = session
        self.journal = journal
        self.started = started
    }
}

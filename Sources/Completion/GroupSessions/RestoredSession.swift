import ContentLoading
import Foundation
import GroupSessions
import LocalStore
import ProtocolEngine
import Training

/// A live group session restored from its journal (`session host --resume`) after a crash, a
/// power cut or `kill -9`: its plan rebuilt from the content and the journal's events replayed,
/// so that it has the same join code, participants, tokens, phase and answers as when the last
/// event was kept; the journal then goes on.
public struct RestoredSession: Sendable {
    public let session: GroupSession
    public let journal: SessionJournalFile
    public let header: SessionJournalHeader
    public let jurisdiction: JurisdictionProtocol

    /// Restores `sessionID` (nil: the session whose unfinished journal was written last) from
    /// the journals in `journals`, with the plan rebuilt from `training`.
    public init(_ sessionID: String?, journals: SessionJournals, training: TrainingContent) throws(SessionJournalError) {
        let (contents, journal) = try journals.reopen(sessionID != nil ? sessionID! : journals.newestUnfinished())
        let path = journal.file.path
        guard case .created(let creation) = contents.events.first else {
            throw .doesNotReplay(path: path, line: 2, problem: SessionReplayError(event: 1, problem: .notStarted).description)
        }
        guard let jurisdiction = training.library.jurisdiction(creation.plan.jurisdiction.rawValue) else {
            throw .doesNotReplay(
                path: path, line: 2,
                problem: "the session's county protocol (\(creation.plan.jurisdiction)) is not in the training content")
        }
        let plan = TrainingPlan(
            bank: training.vignettes, jurisdiction: jurisdiction, count: creation.plan.vignettes.count,
            seed: creation.plan.seed, builder: training.questionBuilder)
        do {
            session = try GroupSession(replaying: contents.events, plan: plan)
        } catch {
            throw .doesNotReplay(
                path: path, line: SessionJournalContents.line(ofEvent: error.event - 1), problem: error.description)
        }
        self.journal = journal
        header = contents.header
        self.jurisdiction = jurisdiction
    }

    /// Where the session stands, for the console: "Restored: 12 joined; question 3 of 8 is open."
    public var summary: String {
        let joined = "\(session.participants.count) joined"
        let total = session.plan.questions.count
        let phase =
            switch session.phase {
            case .lobby: "no question asked yet"
            case .asking(let index): "question \(index + 1) of \(total) is open"
            case .revealed(let index): "question \(index + 1) of \(total) is revealed"
            case .ended: "the session had ended; its records are written now"
            }
        return "Restored from \(journal.file.path): \(joined); \(phase)."
    }
}

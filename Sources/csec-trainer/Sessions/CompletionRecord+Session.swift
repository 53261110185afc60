import ContentLoading
import Foundation
import GroupSessions
import LocalStore
import ProtocolEngine
import RecordStore
import Records
import ScenarioEngine
import Scoring

extension CompletionRecord {
    /// The record of a finished self-paced session.
    init(
        _ progress: SessionProgress, answers: [AnsweredQuestion], jurisdiction: JurisdictionProtocol,
        training: TrainingContent, now: Date
    ) {
        self.init(
            id: progress.recordID ?? UUID(),
            trainee: progress.person ?? Trainee(name: progress.trainee),
            training: TrainingModule(jurisdiction, training: training, seed: progress.seed),
            mode: .selfPaced, startedAt: .local(progress.startedAt), completedAt: .local(now),
            activeSeconds: progress.activeSeconds ?? 0, answers: answers, policy: training.policy)
    }
}

extension TrainingModule {
    /// The module trained: `jurisdiction`'s protocol and the bank, by version and content hash.
    init(_ jurisdiction: JurisdictionProtocol, training: TrainingContent, seed: UInt64) {
        self.init(
            module: "csec-response-protocol", jurisdiction: jurisdiction.id.rawValue, jurisdictionName: jurisdiction.name,
            protocolVersion: jurisdiction.source.printedVersion, protocolHash: ContentFingerprint.sha256(of: jurisdiction),
            scenarioBankHash: ContentFingerprint.sha256(of: training.vignettes.sorted { $0.id < $1.id }), seed: seed)
    }
}

extension Timestamp {
    /// `date` at this machine's UTC offset then.
    static func local(_ date: Date) -> Timestamp {
        Timestamp(date, utcOffsetSeconds: TimeZone.current.secondsFromGMT(for: date))
    }
}

extension UUID {
    /// The record id of a group session's participant: the same each time the session is
    /// finished (a session restored after a crash while its records were being written writes
    /// none twice). Derived from the session and the participant's token by SHA-256, so the id
    /// does not give the token away.
    init(recordOf participant: Participant, inSession session: String) {
        var digits = Array(ContentFingerprint.sha256(of: ["group-session-record", session, participant.token.text]).prefix(32))
        digits[12] = "8"  // version 8: an id made by this program's own rule
        digits[16] = Array("89ab")[Int(String(digits[16]), radix: 16)! & 3]  // the RFC 9562 variant
        let text = String(digits)
        let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(text.dropFirst(range.lowerBound).prefix(range.count))
        }
        self = UUID(uuidString: parts.joined(separator: "-"))!
    }
}

import ContentLoading
import Foundation
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

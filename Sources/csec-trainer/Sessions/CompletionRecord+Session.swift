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
        let offset = TimeZone.current.secondsFromGMT(for: now)
        self.init(
            id: progress.recordID ?? UUID(),
            trainee: progress.person ?? Trainee(name: progress.trainee),
            training: TrainingModule(
                module: "csec-response-protocol", jurisdiction: jurisdiction.id.rawValue, jurisdictionName: jurisdiction.name,
                protocolVersion: jurisdiction.source.printedVersion,
                protocolHash: ContentFingerprint.sha256(of: jurisdiction),
                scenarioBankHash: ContentFingerprint.sha256(of: training.vignettes.sorted { $0.id < $1.id }),
                seed: progress.seed),
            mode: .selfPaced,
            startedAt: Timestamp(progress.startedAt, utcOffsetSeconds: TimeZone.current.secondsFromGMT(for: progress.startedAt)),
            completedAt: Timestamp(now, utcOffsetSeconds: offset),
            activeSeconds: progress.activeSeconds ?? 0, answers: answers, policy: training.policy)
    }
}

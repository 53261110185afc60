import ContentLoading
import Foundation
import GroupSessions
import Records
import Scoring
import Training

/// The completion records a group session ends with, one per attendee.
public enum GroupSessionRecords {
    /// A live session's: each participant's own answers, scored once by the policy, not passed
    /// when the session ended before its last question. Record ids come from the session and the
    /// participant, so ending a restored session again writes no record twice.
    public static func live(
        _ session: GroupSession, setup: GroupSessionSetup, started: Date, clock: TrainingClock
    ) -> [GroupSessionEnding.Attendee] {
        let now = clock.now()
        let policy = setup.training.policy
        return session.attempts().map { participant, answers in
            let record = CompletionRecord(
                id: UUID(recordOf: participant, inSession: session.id),
                trainee: Trainee(name: participant.name, employeeID: participant.employeeID), training: setup.module,
                mode: .groupSession(id: session.id, facilitator: session.facilitator), startedAt: clock.timestamp(started),
                completedAt: clock.timestamp(now), activeSeconds: max(0, Int(now.timeIntervalSince(started))),
                answers: answers, score: .groupSession(answers, policy: policy, planned: session.plan.questions.count),
                policy: policy)
            return GroupSessionEnding.Attendee(
                record: record,
                answered: "\(answers.filter { $0.chosen != GroupSession.unanswered }.count) of \(answers.count)")
        }
    }

    /// An offline room session's: group attendance for each attendee, with the room's consensus
    /// answers and no score.
    public static func offline(
        attendees: [Trainee], roomAnswers: [AnsweredQuestion], setup: GroupSessionSetup, started: Date, clock: TrainingClock
    ) -> [GroupSessionEnding.Attendee] {
        let now = clock.now()
        return attendees.map { attendee in
            GroupSessionEnding.Attendee(
                record: CompletionRecord(
                    id: UUID(), attendee: attendee, training: setup.module, session: setup.sessionID,
                    facilitator: setup.facilitator, startedAt: clock.timestamp(started), completedAt: clock.timestamp(now),
                    roomAnswers: roomAnswers, planned: setup.plan.questions.count, policy: setup.training.policy),
                answered: "as the room")
        }
    }
}

import Foundation
import ProtocolEngine
import ScenarioEngine
import Scoring

extension CompletionRecord {
    /// The record of a finished attempt: every answer with its points, and its score, computed
    /// once by whoever finished the attempt (a self-paced attempt's last answer, or the end of a
    /// group session), never again here. Its `purpose` is the training unless said.
    public init(
        id: UUID, trainee: Trainee, training: TrainingModule, mode: TrainingMode, startedAt: Timestamp,
        completedAt: Timestamp, activeSeconds: Int, answers: [AnsweredQuestion], score: ScoreSummary, policy: ScoringPolicy,
        purpose: AttemptPurpose = .training
    ) {
        self.init(
            id: id, trainee: trainee, training: training, mode: mode, startedAt: startedAt, completedAt: completedAt,
            activeSeconds: activeSeconds, questions: Self.results(of: answers, policy: policy), score: score,
            purpose: purpose)
    }

    /// The record of one attendee of an offline room session: the room's consensus answers, and
    /// no score, since the attendee was not scored alone; `planned` questions were planned.
    public init(
        id: UUID, attendee: Trainee, training: TrainingModule, session: String, facilitator: String, startedAt: Timestamp,
        completedAt: Timestamp, roomAnswers: [AnsweredQuestion], planned: Int, policy: ScoringPolicy
    ) {
        self.init(
            id: id, trainee: attendee, training: training,
            mode: .groupAttendance(id: session, facilitator: facilitator), startedAt: startedAt, completedAt: completedAt,
            activeSeconds: max(0, Int(completedAt.date.timeIntervalSince(startedAt.date))),
            questions: Self.results(of: roomAnswers, policy: policy), score: nil,
            attendance: AttendanceSummary(questionsCovered: roomAnswers.count, questionsPlanned: planned))
    }

    private static func results(of answers: [AnsweredQuestion], policy: ScoringPolicy) -> [QuestionResult] {
        answers.map { answer in
            let possible = policy.points(for: answer.question.kind)
            return QuestionResult(
                questionID: answer.question.id, kind: answer.question.kind.rawValue,
                vignette: answer.question.vignette.id.rawValue, stage: answer.question.stage + 1,
                chosenOption: answer.chosen.rawValue, correctOption: answer.question.correctOptionID.rawValue,
                points: answer.isCorrect ? possible : 0, possiblePoints: possible)
        }
    }
}

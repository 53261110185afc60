import Scoring

extension ScoreSummary {
    /// The summary of `report`, as a record keeps it.
    public init(_ report: ScoreReport) {
        self.init(
            points: report.points, possiblePoints: report.possible, percent: report.percent, passed: report.passed,
            reasons: report.reasons, policyID: report.policyID, policyVersion: report.policyVersion)
    }

    /// The score of one participant of a group session that asked `answers.count` of its
    /// `planned` questions: `policy`'s score of their answers, not passed when the session ended
    /// early. The same for their completion record and for what their phone shows at the end.
    public static func groupSession(_ answers: [AnsweredQuestion], policy: ScoringPolicy, planned: Int) -> ScoreSummary {
        ScoreSummary(policy.score(answers)).endingEarly(asked: answers.count, planned: planned)
    }
}

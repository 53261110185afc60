/// The wording of a record's mode and result, the same in `records show`, on certificates and
/// in the facilitator's roster.
extension TrainingMode: CustomStringConvertible {
    /// "self-paced", "self-paced, in the browser", "group session S led by F", "group attendance
    /// at S led by F".
    public var description: String {
        let session = "\(sessionID ?? "?") led by \(facilitator ?? "?")"
        switch kind {
        case .selfPaced: return "self-paced"
        case .selfPacedWeb: return "self-paced, in the browser"
        case .groupSession: return "group session \(session)"
        case .groupAttendance: return "group attendance at \(session)"
        }
    }
}

extension ScoreSummary: CustomStringConvertible {
    /// "92% (11 of 12 points), passed".
    public var description: String {
        "\(percent)% (\(points) of \(possiblePoints) points), \(passed ? "passed" : "not passed")"
    }
}

extension CompletionRecord {
    /// The score (for practice, saying it is neither passed nor failed), or for group attendance:
    /// "Attended a trainer-led group session (not individually scored)", or which part of one.
    public var resultDescription: String {
        if let purpose, let score {
            return "\(score.percent)% (\(score.points) of \(score.possiblePoints) points), a \(purpose.name): "
                + "practice, not passed or failed"
        }
        guard mode.kind == .groupAttendance else { return score?.description ?? "no score" }
        guard let attendance, !attendance.isWholeSession else {
            return "Attended a trainer-led group session (not individually scored)"
        }
        return "Attended part of a trainer-led group session (\(attendance.questionsCovered) of "
            + "\(attendance.questionsPlanned) questions; it ended early), not individually scored"
    }
}

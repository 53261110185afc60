/// The wording of a record's mode and result, the same in `records show`, on certificates and
/// in the facilitator's roster.
extension TrainingMode: CustomStringConvertible {
    /// "self-paced", "group session S led by F", "group attendance at S led by F".
    public var description: String {
        let session = "\(sessionID ?? "?") led by \(facilitator ?? "?")"
        switch kind {
        case .selfPaced: return "self-paced"
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
    /// The score, or for group attendance: "Attended a trainer-led group session (not individually scored)".
    public var resultDescription: String {
        score?.description ?? "Attended a trainer-led group session (not individually scored)"
    }
}

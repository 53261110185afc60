/// What a completion record shows about the trainee: a scored attempt, passed or not, or
/// attendance at a trainer-led group session that was not individually scored, for the whole
/// session or only part of it.
public enum CompletionOutcome: Sendable, Equatable {
    case scored(percent: Int, passed: Bool)
    case attended(wholeSession: Bool)

    /// Whether the record documents completed training: a passing attempt, or attendance at a
    /// whole group session.
    public var completesTraining: Bool {
        switch self {
        case .scored(_, let passed): passed
        case .attended(let wholeSession): wholeSession
        }
    }

    /// The score, when the trainee was scored.
    public var percent: Int? {
        if case .scored(let percent, _) = self { percent } else { nil }
    }

    /// "passed", "not passed", "attended (group, not scored)" or "attended part (session ended early)".
    public var resultText: String {
        switch self {
        case .scored(_, let passed): passed ? "passed" : "not passed"
        case .attended(let wholeSession): wholeSession ? "attended (group, not scored)" : "attended part (session ended early)"
        }
    }
}

extension CompletionRecord {
    /// Follows the mode: group attendance is never scored; every other record has a score (a
    /// record built in code without one counts as not passed).
    public var outcome: CompletionOutcome {
        if mode.kind == .groupAttendance { return .attended(wholeSession: attendance?.isWholeSession ?? false) }
        return .scored(percent: score?.percent ?? 0, passed: score?.passed ?? false)
    }
}

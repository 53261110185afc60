/// What a completion record shows about the trainee: a scored attempt, passed or not,
/// attendance at a trainer-led group session that was not individually scored, for the whole
/// session or only part of it, or practice (a pre-test or a refresher), scored but completing
/// nothing.
public enum CompletionOutcome: Sendable, Equatable {
    case scored(percent: Int, passed: Bool)
    case attended(wholeSession: Bool)
    /// A pre-test or a refresher (never ``AttemptPurpose/training``).
    case practice(AttemptPurpose, percent: Int)

    /// Whether the record documents completed training: a passing attempt, or attendance at a
    /// whole group session.
    public var completesTraining: Bool {
        switch self {
        case .scored(_, let passed): passed
        case .attended(let wholeSession): wholeSession
        case .practice: false
        }
    }

    /// The score, when the trainee was scored.
    public var percent: Int? {
        switch self {
        case .scored(let percent, _), .practice(_, let percent): percent
        case .attended: nil
        }
    }

    /// "passed", "not passed", "attended (group, not scored)", "attended part (session ended early)",
    /// "pre-test (practice)" or "refresher (practice)".
    public var resultText: String {
        switch self {
        case .scored(_, let passed): passed ? "passed" : "not passed"
        case .attended(let wholeSession): wholeSession ? "attended (group, not scored)" : "attended part (session ended early)"
        case .practice(let purpose, _): "\(purpose.name) (practice)"
        }
    }
}

extension CompletionRecord {
    /// Follows the mode: group attendance is never scored; every other record has a score (a
    /// record built in code without one counts as not passed); practice (a pre-test or a
    /// refresher) is scored but completes nothing, whatever its score.
    public var outcome: CompletionOutcome {
        if mode.kind == .groupAttendance { return .attended(wholeSession: attendance?.isWholeSession ?? false) }
        if let purpose, !purpose.canCompleteTraining { return .practice(purpose, percent: score?.percent ?? 0) }
        return .scored(percent: score?.percent ?? 0, passed: score?.passed ?? false)
    }
}

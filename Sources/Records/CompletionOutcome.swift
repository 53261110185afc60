/// What a completion record shows about the trainee: a scored attempt, passed or not, or
/// attendance at a trainer-led group session that was not individually scored.
public enum CompletionOutcome: Sendable, Equatable {
    case scored(percent: Int, passed: Bool)
    case attended

    /// Whether the record documents completed training: a passing attempt, or group attendance.
    public var completesTraining: Bool {
        switch self {
        case .scored(_, let passed): passed
        case .attended: true
        }
    }

    /// The score, when the trainee was scored.
    public var percent: Int? {
        if case .scored(let percent, _) = self { percent } else { nil }
    }

    /// "passed", "not passed" or "attended (group, not scored)".
    public var resultText: String {
        switch self {
        case .scored(_, let passed): passed ? "passed" : "not passed"
        case .attended: "attended (group, not scored)"
        }
    }
}

extension CompletionRecord {
    public var outcome: CompletionOutcome {
        score.map { .scored(percent: $0.percent, passed: $0.passed) } ?? .attended
    }
}

extension CompletionOutcome {
    /// The outcome in one character, as the summary index and the database's summary keep it:
    /// "1" passed, "0" not passed, "a" attended a whole group session, "p" part of one, "b" a
    /// pre-test (before the training), "r" a refresher. The percent is kept beside it, empty
    /// for attendance.
    public var resultCode: String {
        switch self {
        case .scored(_, let passed): passed ? "1" : "0"
        case .attended(let wholeSession): wholeSession ? "a" : "p"
        case .practice(.preTest, _): "b"
        case .practice(.refresher, _), .practice(.training, _): "r"
        }
    }

    /// The outcome that `resultCode` and `percent` (as text) keep, or nil when they do not fit
    /// together.
    public init?(resultCode: String, percent: String) {
        switch (resultCode, Int(percent)) {
        case ("1", let percent?): self = .scored(percent: percent, passed: true)
        case ("0", let percent?): self = .scored(percent: percent, passed: false)
        case ("a", nil) where percent.isEmpty: self = .attended(wholeSession: true)
        case ("p", nil) where percent.isEmpty: self = .attended(wholeSession: false)
        case ("b", let percent?): self = .practice(.preTest, percent: percent)
        case ("r", let percent?): self = .practice(.refresher, percent: percent)
        default: return nil
        }
    }
}

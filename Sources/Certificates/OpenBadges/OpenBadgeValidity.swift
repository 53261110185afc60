/// How long an exported credential stays valid; the caller always says which.
public enum OpenBadgeValidity: Sendable, Equatable {
    /// `validUntil` one calendar year after completion, at the same local time: csec-trainer's
    /// default, so that staff refresh their training; it is a product choice, not a legal rule.
    case oneYearAfterCompletion
    /// No `validUntil`.
    case noExpiry
}

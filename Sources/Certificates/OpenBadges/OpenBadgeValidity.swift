/// How long an exported credential stays valid; the caller always says which.
public enum OpenBadgeValidity: Sendable, Equatable {
    /// `validUntil` one calendar year after completion, at the same local time: the usual
    /// choice, as the protocol and its contacts are reviewed at least yearly.
    case oneYearAfterCompletion
    /// No `validUntil`.
    case noExpiry
}

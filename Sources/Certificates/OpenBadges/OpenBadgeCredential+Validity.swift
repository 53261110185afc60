import Foundation

extension OpenBadgeCredential {
    /// Whether the credential is out of its validity period at `date`: before `validFrom`, or
    /// after `validUntil` when it has one. Signature checks (``OpenBadgeJWT/verify(_:expectedIssuerKey:)``)
    /// leave this to the caller, who knows the date.
    public func isValid(at date: Date) -> Bool {
        guard validFrom.date <= date else { return false }
        return validUntil.map { date <= $0.date } ?? true
    }
}

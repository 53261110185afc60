import Foundation
import Records

/// Statement timestamps: UTC with milliseconds ("2026-09-15T17:30:00.000Z"), as cmi5 §9.7
/// asks, and always the same text for the same moment (an LRS compares it on a resend).
public enum XAPITimestamp {
    /// `timestamp` in UTC, `milliseconds` later.
    public static func text(_ timestamp: Timestamp, plusMilliseconds milliseconds: Int = 0) -> String {
        let total = Int(timestamp.date.timeIntervalSince1970) * 1000 + milliseconds
        let (seconds, thousandths) = (total.quotient(dividingBy: 1000), total.modulo(1000))
        let utc = Timestamp(Date(timeIntervalSince1970: Double(seconds)), utcOffsetSeconds: 0).description
        return String(utc.prefix(19)) + "." + String(String(1000 + thousandths).dropFirst()) + "Z"
    }
}

extension Int {
    /// Division rounded toward minus infinity (a time before 1970 stays in its own second).
    fileprivate func quotient(dividingBy divisor: Int) -> Int {
        (self - modulo(divisor)) / divisor
    }

    /// The remainder from 0 to `divisor` - 1, whatever the sign.
    fileprivate func modulo(_ divisor: Int) -> Int {
        ((self % divisor) + divisor) % divisor
    }
}

import Foundation
import Records

/// Statement timestamps: UTC with milliseconds ("2026-09-15T17:30:00.000Z"), as cmi5 §9.7
/// asks, and always the same text for the same moment (an LRS compares it on a resend).
public enum XAPITimestamp {
    /// `timestamp` in UTC, `milliseconds` later.
    public static func text(_ timestamp: Timestamp, plusMilliseconds milliseconds: Int = 0) -> String {
        let utc = Timestamp(timestamp.date, utcOffsetSeconds: 0).description
        let thousandths = String(String(1000 + milliseconds % 1000).dropFirst())
        return String(utc.prefix(19)) + "." + thousandths + "Z"
    }
}

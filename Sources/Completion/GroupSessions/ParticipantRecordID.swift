import Foundation
import GroupSessions
import RecordStore

extension UUID {
    /// The record id of a group session's participant: the same each time the session is
    /// finished (a session restored after a crash while its records were being written writes
    /// none twice). Derived from the session and the participant's token by SHA-256, so the id
    /// does not give the token away.
    public init(recordOf participant: Participant, inSession session: String) {
        var digits = Array(ContentFingerprint.sha256(of: ["group-session-record", session, participant.token.text]).prefix(32))
        digits[12] = "8"  // version 8: an id made by this program's own rule
        digits[16] = Array("89ab")[Int(String(digits[16]), radix: 16)! & 3]  // the RFC 9562 variant
        let text = String(digits)
        let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(text.dropFirst(range.lowerBound).prefix(range.count))
        }
        self = UUID(uuidString: parts.joined(separator: "-"))!
    }
}

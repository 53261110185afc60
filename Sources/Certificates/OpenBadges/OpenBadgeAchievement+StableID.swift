import Crypto

extension OpenBadgeAchievement {
    /// A "urn:uuid:…" that is the same for every credential of one course on one protocol
    /// version and differs otherwise: a name-based UUID (RFC 9562 version 8) made from the
    /// SHA-256 of the course title and the protocol name.
    public static func stableID(courseTitle: String, protocolName: String) -> String {
        let name = "csec-trainer achievement\u{0}\(courseTitle)\u{0}\(protocolName)"
        var bytes = Array(SHA256.hash(data: Array(name.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80  // version 8
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 9562 variant
        let hex = bytes.map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }
        let groups = [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]].map { $0.joined() }
        return "urn:uuid:" + groups.joined(separator: "-")
    }
}

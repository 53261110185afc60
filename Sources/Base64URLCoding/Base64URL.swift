import Foundation

/// Base64url without padding (RFC 7515 §2), strict on the way in: the JWTs of the Open Badges
/// credentials and of OpenID Connect, PKCE, and the certificates' references.
public enum Base64URL {
    /// The unpadded base64url text of `bytes`.
    public static func encode(_ bytes: some DataProtocol) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The bytes of an unpadded base64url text, or nil unless the text is exactly what
    /// ``encode(_:)`` writes for them: no padding, no other characters, and no stray bits in the
    /// last character (so no two texts decode to the same bytes).
    public static func decode(_ text: some StringProtocol) -> Data? {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        guard text.utf8.allSatisfy({ allowed.contains($0) }), text.utf8.count % 4 != 1 else { return nil }
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        standard += String(repeating: "=", count: (4 - standard.utf8.count % 4) % 4)
        guard let data = Data(base64Encoded: standard), encode(data) == String(text) else { return nil }
        return data
    }
}

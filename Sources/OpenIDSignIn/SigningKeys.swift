import Foundation
import JWTKit

/// The provider's published signing keys (its JWK Set, RFC 7517 §5), as fetched at a time.
struct SigningKeys {
    /// Keys by key ID; a key without one is kept under the empty ID.
    var keys: [String: JWK]
    var fetchedAt: Date

    /// The signing keys of a key set document: keys marked for encryption (`"use": "enc"`) and
    /// keys of types this server cannot use are left out.
    init(document: [UInt8], fetchedAt: Date) throws(OpenIDSignInError) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(document)) as? [String: Any],
            let entries = object["keys"] as? [[String: Any]]
        else { throw .unreadableDocument(url: "", reason: "not a JSON Web Key Set") }
        var keys: [String: JWK] = [:]
        for entry in entries where (entry["use"] as? String ?? "sig") == "sig" {
            guard let data = try? JSONSerialization.data(withJSONObject: entry),
                let key = try? JSONDecoder().decode(JWK.self, from: data)
            else { continue }
            let keyID = key.keyIdentifier?.string ?? ""
            if keys[keyID] == nil { keys[keyID] = key }
        }
        self.keys = keys
        self.fetchedAt = fetchedAt
    }

    /// The key a token's header names; without a key ID, the only key (Core §10.1: a `kid` is
    /// required when the set has more than one).
    func key(for keyID: String?) -> JWK? {
        if let keyID { return keys[keyID] }
        return keys.count == 1 ? keys.values.first : nil
    }
}

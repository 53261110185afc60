import Crypto
import Foundation

/// A key set file: the public keys of several schools or districts, each with its name, so
/// that one file checks the records and certificates of a whole county.
///
/// ```json
/// {
///   "format": "csec-trainer-key-set",
///   "version": 1,
///   "keys": [
///     { "issuer": "Tamalpais Union High School District", "kty": "OKP", "crv": "Ed25519",
///       "x": "…base64url…", "kid": "sha256:40b69a2bbcb1e892" }
///   ]
/// }
/// ```
///
/// Each key is a JSON Web Key (RFC 8037, as `keys export --format jwk` prints it) with the
/// `issuer` that holds it; `kid`, when given, must be the key's id. Described by
/// `schemas/key-set.schema.json`.
public struct KeySetFile: Sendable, Codable, Equatable {
    public static let format = "csec-trainer-key-set"
    public static let supportedVersions = [1]

    public var format: String
    public var version: Int
    public var keys: [Entry]

    /// One key and who holds it.
    public struct Entry: Sendable, Codable, Equatable {
        public var issuer: String
        public var kty: String
        public var crv: String
        public var x: String
        public var kid: String?

        public init(issuer: String, key: Curve25519.Signing.PublicKey) {
            self.issuer = issuer
            kty = "OKP"
            crv = "Ed25519"
            x = Base64URLText.encode(key.rawRepresentation)
            kid = key.keyID
        }
    }

    /// A key set of `keys`, each with its issuer.
    public init(keys: [TrustedKeys.Key]) {
        format = Self.format
        version = 1
        self.keys = keys.map { Entry(issuer: $0.issuer ?? "", key: $0.publicKey) }
    }

    /// The file's text: pretty JSON with sorted keys and a final line break.
    public func fileContents() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// A JSON Web Key as `keys export --format jwk` prints it.
    struct JWK: Decodable {
        var kty: String
        var crv: String
        var x: String
        var kid: String?

        func publicKey(path: String, at place: String) throws(RecordStoreError) -> Curve25519.Signing.PublicKey {
            guard kty == "OKP", crv == "Ed25519" else {
                throw .badKeyFile(path: path, reason: "\(place) is not an Ed25519 key (\"kty\": \"OKP\", \"crv\": \"Ed25519\")")
            }
            guard let raw = Base64URLText.decode(x), raw.count == 32,
                let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
            else {
                throw .badKeyFile(path: path, reason: "\(place): \"x\" is not 32 bytes of base64url")
            }
            if let kid, kid != key.keyID {
                throw .badKeyFile(path: path, reason: "\(place): \"kid\" is \(kid), but the key's id is \(key.keyID)")
            }
            return key
        }
    }

    /// The keys of a key set file.
    static func read(_ data: Data, path: String) throws(RecordStoreError) -> TrustedKeys {
        struct Header: Decodable {
            var format: String?
            var version: Int?
        }
        let header = try? JSONDecoder().decode(Header.self, from: data)
        guard header?.format == format else {
            throw .badKeyFile(path: path, reason: "\"format\" is not \"\(format)\"")
        }
        guard let version = header?.version, supportedVersions.contains(version) else {
            throw .badKeyFile(
                path: path,
                reason: "key set version \(header?.version.map(String.init) ?? "(none)") is not one this csec-trainer "
                    + "reads (\(supportedVersions.map(String.init).joined(separator: ", "))); update csec-trainer")
        }
        let file: KeySetFile
        do {
            file = try JSONDecoder().decode(KeySetFile.self, from: data)
        } catch {
            throw .badKeyFile(path: path, reason: "it is not a key set: \(Self.describe(error))")
        }
        guard !file.keys.isEmpty else { throw .badKeyFile(path: path, reason: "\"keys\" is empty") }
        var keys: [TrustedKeys.Key] = []
        for (number, entry) in file.keys.enumerated() {
            let place = "keys[\(number)] (\(entry.issuer))"
            guard !entry.issuer.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw .badKeyFile(path: path, reason: "keys[\(number)]: \"issuer\" is empty; give the district or school")
            }
            let jwk = JWK(kty: entry.kty, crv: entry.crv, x: entry.x, kid: entry.kid)
            keys.append(TrustedKeys.Key(publicKey: try jwk.publicKey(path: path, at: place), issuer: entry.issuer))
        }
        return TrustedKeys(keys)
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "not JSON" }
        switch error {
        case .keyNotFound(let key, let context):
            let place = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "\"\(key.stringValue)\" is missing" + (place.isEmpty ? "" : " in \(place)")
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        @unknown default:
            return "not a key set"
        }
    }
}

/// Base64url without padding (RFC 4648 §5), canonical only: a spelling with unused bits set is
/// refused, so no character of a key can change unnoticed.
enum Base64URLText {
    static func encode(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), encode(data) == text else { return nil }
        return data
    }
}

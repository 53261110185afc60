import Crypto
import Foundation
import Records

/// A completion record as stored: the record, and an Ed25519 signature over its canonical
/// JSON (sorted keys, no spaces). The file is the envelope in canonical pretty JSON, so that
/// its exact bytes can be checked too: any change, even a space, is found by ``verify(trusting:)``.
public struct SignedRecord: Sendable, Codable, Equatable {
    public static let format = "csec-trainer-completion-record"
    public static let supportedSchemaVersions = CompletionRecord.readableSchemaVersions

    public var format: String
    public var record: CompletionRecord
    public var signature: Signature

    public struct Signature: Sendable, Codable, Equatable {
        public var algorithm: String
        /// The signing key's ``Curve25519/Signing/PublicKey/keyID``.
        public var keyID: String
        /// The raw public key, base64.
        public var publicKey: String
        /// The signature, base64.
        public var value: String
    }

    /// Signs `record` with `key`.
    public init(signing record: CompletionRecord, with key: InstallationKey) throws {
        let signed = try key.privateKey.signature(for: Self.canonical(record))
        self.format = Self.format
        self.record = record
        signature = Signature(
            algorithm: "Ed25519", keyID: key.publicKey.keyID, publicKey: key.publicKey.rawRepresentation.base64EncodedString(),
            value: signed.base64EncodedString())
    }

    /// The bytes of the file.
    public func fileContents() throws -> Data {
        try Self.fileEncoder.encode(self) + Data("\n".utf8)
    }

    /// Reads a record file. Throws ``RecordStoreError`` naming `path` for a file that is not a
    /// record or comes from a newer csec-trainer.
    public static func read(_ data: Data, path: String) throws(RecordStoreError) -> SignedRecord {
        struct Header: Decodable {
            var format: String?
            var record: Version?
            struct Version: Decodable { var schemaVersion: Int? }
        }
        guard let header = try? JSONDecoder().decode(Header.self, from: data), header.format == format else {
            throw RecordStoreError.notARecord(path: path, reason: "no \"format\": \"\(format)\"")
        }
        let version = header.record?.schemaVersion ?? 0
        guard supportedSchemaVersions.contains(version) else {
            throw RecordStoreError.unsupportedSchema(path: path, found: version, supported: supportedSchemaVersions)
        }
        do {
            return try JSONDecoder().decode(SignedRecord.self, from: data)
        } catch {
            throw RecordStoreError.notARecord(path: path, reason: Self.describe(error))
        }
    }

    /// Checks that `data` (the file's bytes) is exactly what was written and that the signature
    /// is this installation's (`trusted`) over the record. Returns why not, or nil when it holds.
    public func problem(in data: Data, trusting trusted: Curve25519.Signing.PublicKey) -> String? {
        guard let written = try? fileContents(), written == data else {
            return "its text is not what csec-trainer wrote (a character was changed, added or removed)"
        }
        guard signature.algorithm == "Ed25519", signature.keyID == trusted.keyID,
            let raw = Data(base64Encoded: signature.publicKey), raw.base64EncodedString() == signature.publicKey,
            raw == trusted.rawRepresentation
        else {
            return "it was not signed by this installation's key (\(trusted.keyID)); it says \(signature.keyID)"
        }
        // Base64 leaves some bits of its last character unused; only the canonical spelling of
        // the signature counts, so that no character can change unnoticed.
        guard let value = Data(base64Encoded: signature.value), value.base64EncodedString() == signature.value,
            let canonical = try? Self.canonical(record), trusted.isValidSignature(value, for: canonical)
        else {
            return "the signature does not match the record's content"
        }
        return nil
    }

    /// Checks `data` as ``problem(in:trusting:)-(_,Curve25519.Signing.PublicKey)`` does, with
    /// whichever of `keys` signed it. Returns why not, or nil when it holds.
    public func problem(in data: Data, trusting keys: TrustedKeys) -> String? {
        guard let key = keys[signature.keyID] else {
            let known = keys.keyIDs.joined(separator: ", ")
            return "it was signed by key \(signature.keyID), which is not one of the keys it is checked with (\(known))"
        }
        return problem(in: data, trusting: key.publicKey)
    }

    /// The short code printed on certificates: the first 60 bits of the SHA-256 of the
    /// signature, in Crockford base 32, as XXXX-XXXX-XXXX. It changes with any change to the
    /// record, and ties a certificate to one signed record.
    public var verificationCode: String {
        VerificationCode(signature: Data(base64Encoded: signature.value) ?? Data()).text
    }

    static func canonical(_ record: CompletionRecord) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(record)
    }

    private static let fileEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "not JSON" }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing \(key.stringValue) at \(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(context.debugDescription) at \(path(context))"
        @unknown default:
            return "not a record"
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.isEmpty ? "the top" : context.codingPath.map(\.stringValue).joined(separator: ".")
    }
}

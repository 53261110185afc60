import Crypto
import Foundation
import RecordStore
import TestSupport
import Testing

/// `--key FILE`: what `keys export` prints (PEM, JWK) and key set files read as trusted keys;
/// anything else is refused with the file's name and what is wrong.
struct TrustedKeysTests {
    let key = InstallationKey(privateKey: .init())

    @Test func aPEMExportReads() throws {
        let keys = try TrustedKeys.read(Data(key.publicKeyPEM.utf8), path: "district.pem")
        #expect(keys.keyIDs == [key.keyID])
        #expect(keys[key.keyID]?.issuer == nil)
    }

    @Test func aJWKExportReads() throws {
        let jwk = try JSONSerialization.data(withJSONObject: key.publicKeyJWK)
        #expect(try TrustedKeys.read(jwk, path: "district.jwk").keyIDs == [key.keyID])
    }

    @Test func aKeySetReadsWithEachKeysIssuer() throws {
        let other = InstallationKey(privateKey: .init())
        let file = KeySetFile(keys: [
            .init(publicKey: key.publicKey, issuer: "Tamalpais Union High School District"),
            .init(publicKey: other.publicKey, issuer: "Redwood High School"),
        ])
        let keys = try TrustedKeys.read(file.fileContents(), path: "county.json")
        #expect(keys[key.keyID]?.issuer == "Tamalpais Union High School District")
        #expect(keys[other.keyID]?.issuer == "Redwood High School")
    }

    @Test func theDocumentedExampleReads() throws {
        let example = Fixtures.repositoryRoot.appending(path: "docs/examples/key-set.json")
        let keys = try TrustedKeys.read(Data(contentsOf: example), path: example.path)
        #expect(
            keys.keys.values.compactMap(\.issuer).sorted() == ["Redwood High School", "Tamalpais Union High School District"])
    }

    @Test func aWrittenKeySetMatchesTheSchema() throws {
        let schema = Fixtures.repositoryRoot.appending(path: "schemas/key-set.schema.json")
        let file = KeySetFile(keys: [.init(publicKey: key.publicKey, issuer: "Tamalpais Union High School District")])
        #expect(try JSONSchemaCheck.errors(in: file.fileContents(), schema: schema) == [])
    }

    /// Key files that must be refused, and the words that say why.
    struct BadFile: CustomTestStringConvertible, Sendable {
        var name: String
        var text: @Sendable (InstallationKey) -> String
        var says: String
        var testDescription: String { name }
    }

    static let badFiles: [BadFile] = [
        BadFile(name: "not a key", text: { _ in "hello" }, says: "neither a PEM public key nor JSON"),
        BadFile(
            name: "a newer key set",
            text: { key in Self.keySet(key, version: 2) }, says: "key set version 2 is not one this csec-trainer reads"),
        BadFile(
            name: "a kid that is not the key's",
            text: { key in Self.keySet(key).replacingOccurrences(of: key.keyID, with: "sha256:0000000000000000") },
            says: "\"kid\" is sha256:0000000000000000, but the key's id is"),
        BadFile(
            name: "an empty issuer",
            text: { key in
                Self.keySet(key).replacingOccurrences(of: "Tamalpais", with: " ").replacingOccurrences(
                    of: " Union High School District", with: "")
            },
            says: "\"issuer\" is empty"),
        BadFile(
            name: "an RSA key",
            text: { key in Self.keySet(key).replacingOccurrences(of: "\"OKP\"", with: "\"RSA\"") },
            says: "is not an Ed25519 key"),
        BadFile(
            name: "no keys", text: { _ in #"{"format":"csec-trainer-key-set","version":1,"keys":[]}"# }, says: "\"keys\" is empty"
        ),
    ]

    static func keySet(_ key: InstallationKey, version: Int = 1) -> String {
        let file = KeySetFile(keys: [.init(publicKey: key.publicKey, issuer: "Tamalpais Union High School District")])
        let text = String(decoding: (try? file.fileContents()) ?? Data(), as: UTF8.self)
        return text.replacingOccurrences(of: "\"version\" : 1", with: "\"version\" : \(version)")
    }

    @Test(arguments: badFiles)
    func aBadKeyFileIsRefused(_ bad: BadFile) throws {
        let error = #expect(throws: RecordStoreError.self) {
            try TrustedKeys.read(Data(bad.text(key).utf8), path: "county.json")
        }
        #expect(error?.description.hasPrefix("county.json: error: not a key to check records with") == true)
        #expect(error?.description.contains(bad.says) == true, "\(error?.description ?? "")")
    }
}

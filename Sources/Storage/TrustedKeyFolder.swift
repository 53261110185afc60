import Crypto
import Foundation
import RecordStore

/// The public keys this installation trusts besides its own, one PEM file each in
/// `<data dir>/keys/trusted/` (read as ``TrustedKeys/read(_:path:)`` reads a key file): the machines and schools whose records were imported. Records
/// they signed are verified with these keys on every read, in every backend.
///
/// The keys live beside the installation key, not in the database: write access to a county's
/// database is not enough to make a forged record verify.
public struct TrustedKeyFolder: Sendable {
    public let directory: URL

    public init(dataDirectory: URL) {
        directory = dataDirectory.appending(path: "keys/trusted")
    }

    /// The trusted keys; a file that is not a public key is a problem, never a trusted key.
    public func keys() throws(StorageError) -> [Curve25519.Signing.PublicKey] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        var keys: [Curve25519.Signing.PublicKey] = []
        for name in names.sorted() where name.hasSuffix(".pem") {
            let file = directory.appending(path: name)
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw .badKeyFile(path: file.path, reason: "it cannot be read")
            }
            let found: TrustedKeys
            do {
                found = try TrustedKeys.read(data, path: file.path)
            } catch {
                throw .files(error)
            }
            keys += found.keyIDs.compactMap { found[$0]?.publicKey }
        }
        return keys
    }

    /// The keys a record of this installation may be signed with: its own (named with its
    /// `issuer`) and those trusted on import.
    public func trustedKeys(besides installation: InstallationKey, issuer: String?) throws(StorageError) -> TrustedKeys {
        TrustedKeys(
            [TrustedKeys.Key(publicKey: installation.publicKey, issuer: issuer)]
                + (try keys()).map { TrustedKeys.Key(publicKey: $0, issuer: nil) })
    }

    /// Trusts `key` from now on (nothing changes when it is trusted already).
    public func add(_ key: Curve25519.Signing.PublicKey) throws(StorageError) {
        let file = directory.appending(path: key.keyID.replacingOccurrences(of: ":", with: "-") + ".pem")
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .cannotWrite(path: directory.path, reason: "the directory cannot be made")
        }
        _ = try SignedRecordFile.writeOnce(Data(key.pemRepresentation.utf8), to: file)
    }
}

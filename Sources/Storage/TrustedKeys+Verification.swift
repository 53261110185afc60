import Crypto
import Foundation
import RecordStore

extension TrustedKeys {
    /// What a repository trusts: the installation's own key and `others`, the machines or
    /// schools whose records it imports.
    public init(installation: InstallationKey, others: [Curve25519.Signing.PublicKey]) {
        self.init(([installation.publicKey] + others).map { Key(publicKey: $0, issuer: nil) })
    }

    /// Checks that `bytes` are exactly `signed` as written and signed by one of these keys.
    public func verify(_ signed: SignedRecord, bytes: Data, at location: String) throws(StorageError) {
        guard let key = self[signed.signature.keyID] else {
            throw .untrustedKey(location: location, keyID: signed.signature.keyID, trusted: keyIDs)
        }
        if let problem = signed.problem(in: bytes, trusting: key.publicKey) {
            throw .altered(location: location, reason: problem)
        }
    }
}

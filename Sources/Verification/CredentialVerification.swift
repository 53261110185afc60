import Certificates
import Foundation
import RecordStore

/// Checks Open Badges credentials with trusted keys: the installation's own, or a district's
/// or school's from a key file, on any machine.
public enum CredentialVerification {
    /// The verdict on the VC-JWT `token`: its signature must verify with its issuer's key, that
    /// key must be one of `keys`, and the credential must be valid at `now`.
    public static func verify(_ token: String, trusting keys: TrustedKeys, now: Date) async throws(VerificationError)
        -> Verdict
    {
        let credential: OpenBadgeCredential
        let signer: OpenBadgeDIDKey
        do {
            credential = try await OpenBadgeJWT.verify(token)
            signer = try OpenBadgeDIDKey(did: credential.issuer.id)
        } catch {
            throw .credential(error)
        }
        guard let trusted = keys[signer.publicKey.keyID] else {
            throw .untrustedKey(keyID: signer.publicKey.keyID, issuerName: credential.issuer.name, trusted: keys.keyIDs)
        }
        guard credential.isValid(at: now) else {
            throw .notValidToday(validFrom: credential.validFrom.text, validUntil: credential.validUntil?.text)
        }
        let person = credential.credentialSubject.identifier.first { $0.identityType == "name" && !$0.hashed }
        return Verdict(
            person: person?.identityHash ?? "(not named)", training: credential.name,
            completedOn: String(credential.validFrom.text.prefix(10)), issuer: trusted.issuer ?? credential.issuer.name,
            keyID: trusted.keyID, verificationCode: nil)
    }
}

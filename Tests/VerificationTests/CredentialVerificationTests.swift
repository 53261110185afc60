import Certificates
import Crypto
import Foundation
import RecordStore
import Testing

@testable import Verification

/// An Open Badges credential verifies on any machine with the issuing district's key.
struct CredentialVerificationTests {
    func token(_ sample: VerificationSample) async throws -> String {
        let credential = OpenBadgeCredential(
            details: sample.details, issuerKey: sample.key.publicKey, validity: .oneYearAfterCompletion)
        return try await OpenBadgeJWT.sign(credential, with: sample.key.privateKey)
    }

    let today = Date(timeIntervalSince1970: 1_795_715_412)  // 2026-11-26

    @Test func aCredentialVerifiesWithAKeySetAndNamesItsDistrict() async throws {
        let sample = try VerificationSample()
        let verdict = try await CredentialVerification.verify(token(sample), trusting: sample.keySet, now: today)
        #expect(verdict.person == "Zoë Łukasiewicz-O'Brien")
        #expect(verdict.training == CertificateDetails.courseTitle)
        #expect(verdict.completedOn == "2026-09-15")
        #expect(verdict.issuer == "Tamalpais Union High School District")
    }

    @Test func aCredentialFromAKeyNotInTheSetFails() async throws {
        let sample = try VerificationSample()
        let stranger = try VerificationSample(key: InstallationKey(privateKey: .init()))
        await #expect(throws: VerificationError.self) {
            try await CredentialVerification.verify(token(stranger), trusting: sample.keySet, now: today)
        }
    }

    @Test func anExpiredCredentialFails() async throws {
        let sample = try VerificationSample()
        let later = today.addingTimeInterval(400 * 86_400)
        await #expect(throws: VerificationError.self) {
            try await CredentialVerification.verify(token(sample), trusting: sample.keySet, now: later)
        }
    }
}

import Crypto
import Foundation

extension OpenBadgeCredential {
    /// The credential for one completed training, issued by the installation whose Ed25519
    /// public key is `issuerKey` (its id is that key's `did:key`).
    ///
    /// - The credential `id` is "urn:uuid:" and the completion record id, lowercased.
    /// - `validFrom` is the completion time in the offset it was recorded in, in whole seconds;
    ///   `validUntil` follows `validity`.
    /// - The trainee is named by an `IdentityObject` of type "name", not hashed.
    /// - The achievement (course title, protocol, legal note) has a ``OpenBadgeAchievement/stableID(courseTitle:protocolName:)``.
    /// - The record id and verification code appear in `description` and in the evidence narrative,
    ///   which also gives the score and the time spent answering.
    ///
    /// Pure: the same details and key always give the same credential.
    public init(details: CertificateDetails, issuerKey: Curve25519.Signing.PublicKey, validity: OpenBadgeValidity) {
        let recordID = details.recordID.uuidString.lowercased()
        let completed = OpenBadgeDateTime(date: details.completedAt, utcOffsetSeconds: details.utcOffsetSeconds)
        let achievement = OpenBadgeAchievement(
            id: OpenBadgeAchievement.stableID(courseTitle: details.courseTitle, protocolName: details.protocolName),
            achievementType: "CertificateOfCompletion",
            name: details.courseTitle,
            description: "Training for school staff on the county protocol for suspected commercial sexual exploitation "
                + "of children (CSEC): \(details.protocolName). \(details.legalNote)",
            criteria: .init(
                narrative: "Complete the scenario-based training on \(details.protocolName) and pass its scored review, "
                    + "or attend a trainer-led group session on it."
            )
        )
        let evidence = OpenBadgeEvidence(
            name: "Completion record",
            narrative: "Completion record \(recordID). Verification code: \(details.verificationCode). "
                + "Result: \(details.scoreText). Time spent answering: \(Self.duration(details.activeSeconds))."
        )
        self.init(
            id: "urn:uuid:" + recordID,
            issuer: OpenBadgeProfile(id: OpenBadgeDIDKey(publicKey: issuerKey).did, name: details.issuerName),
            validFrom: completed,
            validUntil: validity == .oneYearAfterCompletion ? completed.addingYears(1) : nil,
            name: details.courseTitle,
            description: "Certificate of completion, record \(recordID), verification code \(details.verificationCode).",
            credentialSubject: OpenBadgeAchievementSubject(
                identifier: [.name(details.traineeName)], achievement: achievement),
            evidence: [evidence]
        )
    }

    /// "1 hour 5 minutes", "12 minutes 3 seconds", "40 seconds".
    private static func duration(_ seconds: Int) -> String {
        let seconds = max(0, seconds)
        func unit(_ value: Int, _ name: String) -> String? {
            value == 0 ? nil : "\(value) \(name)\(value == 1 ? "" : "s")"
        }
        let parts = [unit(seconds / 3600, "hour"), unit(seconds / 60 % 60, "minute"), unit(seconds % 60, "second")]
        let words = parts.compactMap(\.self)
        return words.isEmpty ? "0 seconds" : words.joined(separator: " ")
    }
}

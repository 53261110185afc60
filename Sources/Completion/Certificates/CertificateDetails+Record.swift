import Certificates
import RecordStore
import Records

extension CertificateDetails {
    public static let courseTitle =
        "Responding to Suspected Commercial Sexual Exploitation of Children (CSEC) and Human Trafficking: "
        + "School Staff Protocol Training"

    /// What the certificate of a signed record shows.
    public init(_ signed: SignedRecord, issuer: String) {
        let record = signed.record
        let training = record.training
        self.init(
            traineeName: record.trainee.name, courseTitle: Self.courseTitle,
            protocolName: "\(training.jurisdictionName) protocol (\(training.protocolVersion)), "
                + "content SHA-256 \(training.protocolHash.prefix(12))",
            completedAt: record.completedAt.date, utcOffsetSeconds: record.completedAt.utcOffsetSeconds,
            scoreText: record.resultDescription,
            activeSeconds: record.activeSeconds, recordID: record.id, verificationCode: signed.verificationCode,
            legalNote: record.legalNote, issuerName: issuer)
    }
}

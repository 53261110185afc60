import Certificates
import RecordStore
import Records

extension CertificateDetails {
    static let courseTitle =
        "Responding to Suspected Commercial Sexual Exploitation of Children (CSEC) and Human Trafficking: "
        + "School Staff Protocol Training"

    /// What the certificate of a stored record shows.
    init(_ stored: StoredRecord, issuer: String) {
        let record = stored.record
        let training = record.training
        self.init(
            traineeName: record.trainee.name, courseTitle: Self.courseTitle,
            protocolName: "\(training.jurisdictionName) protocol (\(training.protocolVersion)), "
                + "content SHA-256 \(training.protocolHash.prefix(12))",
            completedAt: record.completedAt.date, utcOffsetSeconds: record.completedAt.utcOffsetSeconds,
            scoreText: record.resultDescription,
            activeSeconds: record.activeSeconds, recordID: record.id, verificationCode: stored.signed.verificationCode,
            legalNote: record.legalNote, issuerName: issuer)
    }
}

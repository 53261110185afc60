import Foundation

/// What a certificate shows, in one value: the PDF and the Open Badges credential are both
/// drawn from it. Built from a completion record; every text is final (no formatting left to
/// the renderers but layout).
public struct CertificateDetails: Sendable, Codable, Equatable {
    /// The trainee's name as on the record, in any script ("Nguyễn Thị Minh").
    public var traineeName: String
    /// "Responding to suspected CSEC and human trafficking: school staff protocol training".
    public var courseTitle: String
    /// The county protocol trained on, with its version or content hash, e.g.
    /// "Marin County (3.1.19), protocol 1 (sha256 3f2a…)".
    public var protocolName: String
    /// When the training was completed, with the offset it was recorded in.
    public var completedAt: Date
    /// The UTC offset of `completedAt` as recorded, in seconds, so the date prints as the
    /// trainee saw it.
    public var utcOffsetSeconds: Int
    /// The result: "92% (11 of 12 points), passed", or for group attendance "Attended a
    /// trainer-led group session (not individually scored)".
    public var scoreText: String
    /// Time spent answering, in seconds.
    public var activeSeconds: Int
    /// The completion record's id (a UUID).
    public var recordID: UUID
    /// A short code that ties the certificate to its signed record (``VerificationCode``).
    public var verificationCode: String
    /// The legal note printed on every certificate (the record's: it states no legal interval).
    public var legalNote: String
    /// Who issued it: the installation's name (a district or school, else "csec-trainer").
    public var issuerName: String

    public init(
        traineeName: String, courseTitle: String, protocolName: String, completedAt: Date, utcOffsetSeconds: Int,
        scoreText: String, activeSeconds: Int, recordID: UUID, verificationCode: String, legalNote: String,
        issuerName: String
    ) {
        self.traineeName = traineeName
        self.courseTitle = courseTitle
        self.protocolName = protocolName
        self.completedAt = completedAt
        self.utcOffsetSeconds = utcOffsetSeconds
        self.scoreText = scoreText
        self.activeSeconds = activeSeconds
        self.recordID = recordID
        self.verificationCode = verificationCode
        self.legalNote = legalNote
        self.issuerName = issuerName
    }
}

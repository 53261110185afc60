import Base64URLCoding
import Foundation

/// What a PDF certificate carries in its document keywords, where `certificate verify` reads it
/// back: the record id, the verification code and the issuer as printed, enough to render the
/// certificate again from the record and compare the two byte for byte.
///
/// Keywords: `csec-trainer-record:<uuid> verification-code:<code> issuer:<base64url of UTF-8>`,
/// all ASCII so that cairo writes them as a plain string.
public struct PDFCertificateReference: Sendable, Equatable {
    public var recordID: UUID
    public var verificationCode: String
    public var issuerName: String

    public init(recordID: UUID, verificationCode: String, issuerName: String) {
        self.recordID = recordID
        self.verificationCode = verificationCode
        self.issuerName = issuerName
    }

    init(_ details: CertificateDetails) {
        self.init(recordID: details.recordID, verificationCode: details.verificationCode, issuerName: details.issuerName)
    }

    var keywords: String {
        let issuer = Base64URL.encode(Data(issuerName.utf8))
        return "\(Self.recordPrefix)\(recordID.uuidString.lowercased()) \(Self.codePrefix)\(verificationCode) "
            + "\(Self.issuerPrefix)\(issuer)"
    }

    /// The reference in a PDF's keywords, or nil when the file carries none: not a csec-trainer
    /// certificate. (Finding it proves nothing by itself; `certificate verify` renders the
    /// certificate again from the signed record and compares the bytes.)
    public init?(pdf: Data) {
        let text = String(decoding: pdf, as: UTF8.self)
        guard let keywords = text.range(of: "/Keywords (\(Self.recordPrefix)") else { return nil }
        let fields = text[keywords.upperBound...].prefix { $0 != ")" }.split(separator: " ")
        guard fields.count == 3, let id = UUID(uuidString: String(fields[0])), fields[1].hasPrefix(Self.codePrefix),
            fields[2].hasPrefix(Self.issuerPrefix)
        else { return nil }
        guard let issuerBytes = Base64URL.decode(fields[2].dropFirst(Self.issuerPrefix.count)) else { return nil }
        self.init(
            recordID: id, verificationCode: String(fields[1].dropFirst(Self.codePrefix.count)),
            issuerName: String(decoding: issuerBytes, as: UTF8.self))
    }

    private static let recordPrefix = "csec-trainer-record:"
    private static let codePrefix = "verification-code:"
    private static let issuerPrefix = "issuer:"
}

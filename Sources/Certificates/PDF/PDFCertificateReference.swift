import Foundation

/// The record id and verification code a PDF certificate carries in its document keywords,
/// where `certificate verify` reads them back: "csec-trainer-record:<uuid> verification-code:<code>".
public struct PDFCertificateReference: Sendable, Equatable {
    public var recordID: UUID
    public var verificationCode: String

    public init(recordID: UUID, verificationCode: String) {
        self.recordID = recordID
        self.verificationCode = verificationCode
    }

    init(_ details: CertificateDetails) {
        self.init(recordID: details.recordID, verificationCode: details.verificationCode)
    }

    var keywords: String {
        "\(Self.recordPrefix)\(recordID.uuidString.lowercased()) \(Self.codePrefix)\(verificationCode)"
    }

    /// The reference in a PDF's bytes (cairo writes the keywords as a plain string), or nil
    /// when the file carries none: not a csec-trainer certificate.
    public init?(pdf: Data) {
        let text = String(decoding: pdf, as: UTF8.self)
        guard let record = text.range(of: Self.recordPrefix), let code = text.range(of: Self.codePrefix),
            let id = UUID(uuidString: String(text[record.upperBound...].prefix(36)))
        else { return nil }
        let codeText = text[code.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" }
        self.init(recordID: id, verificationCode: String(codeText))
    }

    private static let recordPrefix = "csec-trainer-record:"
    private static let codePrefix = "verification-code:"
}

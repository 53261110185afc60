import Crypto
import Foundation

/// The signed record a PDF certificate carries, so that it verifies on any machine, whatever
/// its cairo and fonts: the certificate's pages as cairo wrote them, then a PDF incremental
/// update holding one object, the seal (JSON in an uncompressed stream), named in the new
/// trailer as `/CSecTrainerSeal`.
///
/// The seal holds the signed record file (base64), and an Ed25519 signature, by the key that
/// signed the record (the record names it), over the length and SHA-256 of the pages before it and the SHA-256 of
/// the record file (``statement``). The pages cannot change without breaking that signature,
/// nor the record without breaking its own; the update itself is checked byte for byte
/// (``read(_:)`` writes it again from the seal and compares). Cairo 1.16 (Debian 12) can write
/// neither embedded files nor custom metadata, hence the update appended after cairo's output.
public struct PDFCertificateSeal: Sendable, Codable, Equatable {
    public static let format = "csec-trainer-certificate-seal"
    public static let supportedVersions = [1]

    public var format: String
    public var version: Int
    /// The number of bytes of the PDF before the seal, and their SHA-256 (hex).
    public var pdfLength: Int
    public var pdfSHA256: String
    /// The signed completion record file, exactly as stored, in base64.
    public var record: String
    /// Ed25519 over ``statement``, base64.
    public var signature: String

    /// The signed record file's bytes.
    public var recordFile: Data? { Data(base64Encoded: record) }

    /// What the signature covers: the format and version, the pages' length and SHA-256, and the
    /// SHA-256 of the record file, one per line.
    public var statement: Data {
        let recordHash = SHA256.hash(data: recordFile ?? Data()).map { String(format: "%02x", $0) }.joined()
        return Data("\(format) v\(version)\n\(pdfLength)\n\(pdfSHA256)\n\(recordHash)\n".utf8)
    }

    /// Whether the signature is `key`'s over ``statement``.
    public func isSigned(by key: Curve25519.Signing.PublicKey) -> Bool {
        guard let value = Data(base64Encoded: signature), value.base64EncodedString() == signature else { return false }
        return key.isValidSignature(value, for: statement)
    }

    /// `pdf` (cairo's output) with the seal of `recordFile` appended, signed with `key`.
    public static func seal(
        _ pdf: Data, recordFile: Data, key: Curve25519.Signing.PrivateKey
    ) throws(PDFCertificateError) -> Data {
        var seal = PDFCertificateSeal(
            format: format, version: 1, pdfLength: pdf.count, pdfSHA256: Self.hex(SHA256.hash(data: pdf)),
            record: recordFile.base64EncodedString(), signature: "")
        guard let signature = try? key.signature(for: seal.statement) else {
            throw .cannotRender(reason: "the certificate could not be signed")
        }
        seal.signature = signature.base64EncodedString()
        guard let update = try? PDFIncrementalUpdate(after: pdf).appending(seal.json) else {
            throw .cannotRender(reason: "cairo's PDF has no trailer to add the signed record after")
        }
        return pdf + update
    }

    /// What a PDF carries.
    public enum Reading: Sendable, Equatable {
        /// No seal: a certificate made before certificates carried their record.
        case unsealed
        /// A seal, and the pages it covers (not yet checked against them: see ``check(pages:)``).
        case sealed(PDFCertificateSeal, pages: Data)
        /// A seal that is not as csec-trainer writes it: the end of the file was changed.
        case damaged(reason: String)
    }

    /// The seal at the end of `pdf`, if any.
    public static func read(_ pdf: Data) -> Reading {
        let marker = Data("stream\n{\"format\":\"\(format)\"".utf8)
        guard let found = pdf.range(of: marker, options: .backwards) else { return .unsealed }
        let start = found.lowerBound + "stream\n".utf8.count
        guard let end = pdf[start...].firstRange(of: Data("\nendstream".utf8))?.lowerBound,
            let seal = try? JSONDecoder().decode(PDFCertificateSeal.self, from: pdf[start..<end])
        else { return .damaged(reason: "its signed record cannot be read (the end of the file was changed)") }
        guard supportedVersions.contains(seal.version) else {
            return .damaged(reason: "its seal has version \(seal.version), newer than this csec-trainer reads; update it")
        }
        guard seal.pdfLength > 0, seal.pdfLength <= found.lowerBound else {
            return .damaged(reason: "its seal does not fit the file (the file was cut or changed)")
        }
        let pages = pdf.prefix(seal.pdfLength)
        guard let update = try? PDFIncrementalUpdate(after: pages).appending(seal.json),
            pdf.suffix(from: pdf.startIndex + seal.pdfLength) == update
        else { return .damaged(reason: "the end of the file is not the signed record csec-trainer wrote there") }
        return .sealed(seal, pages: Data(pages))
    }

    /// Why `pages` are not the ones the seal covers, or nil when they are.
    public func check(pages: Data) -> String? {
        guard pages.count == pdfLength, Self.hex(SHA256.hash(data: pages)) == pdfSHA256 else {
            return "its pages are not the ones signed (the text or layout was changed after it was exported)"
        }
        return nil
    }

    /// The seal as one line of JSON with sorted keys (ASCII: base64 and hex, and the names
    /// above).
    var json: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data()
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}

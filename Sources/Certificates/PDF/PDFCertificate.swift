import CCairo
import Crypto
import Foundation

/// Renders a ``CertificateDetails`` as a one-page PDF certificate (landscape US Letter,
/// DejaVu Sans embedded as TrueType subsets). Rendering is a pure function of the details:
/// no clock, no randomness, so the same details always give the same bytes.
public struct PDFCertificate: Sendable {
    /// The page size in PDF points: landscape US Letter, 792 × 612.
    public static let pageSize = (width: PDFPageLayout.width, height: PDFPageLayout.height)

    /// The signed record file each certificate carries, and the key that signed it, or nil for a
    /// certificate checked only against the record (as made before certificates carried one).
    private let seal: (recordFile: Data, key: Curve25519.Signing.PrivateKey)?

    public init() {
        seal = nil
    }

    /// Certificates that carry `recordFile` (the signed record, as stored) and a signature over
    /// their pages by `key`, the key that signed the record, so that they verify on any machine
    /// with its public key alone (``PDFCertificateSeal``).
    public init(sealing recordFile: Data, with key: Curve25519.Signing.PrivateKey) {
        seal = (recordFile, key)
    }

    /// The certificate for `details`, as PDF bytes, sealed when a record to seal was given.
    public func render(_ details: CertificateDetails) throws(PDFCertificateError) -> Data {
        let pages = try renderPages(details)
        guard let seal else { return pages }
        return try PDFCertificateSeal.seal(pages, recordFile: seal.recordFile, key: seal.key)
    }

    /// The certificate's pages as cairo writes them, without a seal.
    public func renderPages(_ details: CertificateDetails) throws(PDFCertificateError) -> Data {
        let sink = PDFByteSink()
        return try withExtendedLifetime(sink) { () throws(PDFCertificateError) -> Data in
            guard
                let surface = cairo_pdf_surface_create_for_stream(
                    PDFByteSink.write, sink.pointer, PDFPageLayout.width, PDFPageLayout.height)
            else { throw .cannotRender(reason: "the PDF page could not be created") }
            defer { cairo_surface_destroy(surface) }
            try Self.check(surface)
            PDFDocumentMetadata(details: details).apply(to: surface)
            try draw(details, on: surface)
            cairo_surface_finish(surface)
            try Self.check(surface)
            return sink.data
        }
    }

    /// Renders the certificate for `details` and saves it at `url`, atomically: a file
    /// already there is replaced whole or not at all.
    public func write(_ details: CertificateDetails, to url: URL) throws(PDFCertificateError) {
        try PDFAtomicFile.write(render(details), to: url)
    }

    /// Draws the page on `surface` and checks the context.
    private func draw(_ details: CertificateDetails, on surface: OpaquePointer) throws(PDFCertificateError) {
        guard let context = cairo_create(surface) else {
            throw .cannotRender(reason: "the drawing context could not be created")
        }
        defer { cairo_destroy(context) }
        let canvas = PDFCanvas(context: context)
        try PDFCertificatePage(details: details).draw(on: canvas)
        cairo_show_page(context)
        if let problem = canvas.problem { throw .cannotRender(reason: problem) }
    }

    /// Throws cairo's words for the surface's status unless it is success.
    private static func check(_ surface: OpaquePointer) throws(PDFCertificateError) {
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw .cannotRender(reason: String(cString: cairo_status_to_string(status)))
        }
    }
}

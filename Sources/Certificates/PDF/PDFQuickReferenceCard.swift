import Briefing
import CCairo
import Foundation

/// Renders a ``QuickReferenceCard`` as a one-page PDF (portrait US Letter, DejaVu Sans
/// embedded as TrueType subsets), with the same cairo pipeline as the certificate.
public struct PDFQuickReferenceCard: Sendable {
    /// The page size in PDF points: portrait US Letter, 612 × 792.
    public static let pageSize = (width: PDFCardLayout.width, height: PDFCardLayout.height)

    public init() {}

    /// The card, as PDF bytes.
    public func render(_ card: QuickReferenceCard) throws(PDFCardError) -> Data {
        let sink = PDFByteSink()
        return try withExtendedLifetime(sink) { () throws(PDFCardError) -> Data in
            guard
                let surface = cairo_pdf_surface_create_for_stream(
                    PDFByteSink.write, sink.pointer, PDFCardLayout.width, PDFCardLayout.height)
            else { throw .cannotRender(reason: "the PDF page could not be created") }
            defer { cairo_surface_destroy(surface) }
            try Self.check(surface)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, card.title.pdfPrintable)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, card.protocolLine.pdfPrintable)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "csec-trainer")
            try draw(card, on: surface)
            cairo_surface_finish(surface)
            try Self.check(surface)
            return sink.data
        }
    }

    private func draw(_ card: QuickReferenceCard, on surface: OpaquePointer) throws(PDFCardError) {
        guard let context = cairo_create(surface) else {
            throw .cannotRender(reason: "the drawing context could not be created")
        }
        defer { cairo_destroy(context) }
        let canvas = PDFCanvas(context: context)
        try PDFCardPage(card: card).draw(on: canvas)
        cairo_show_page(context)
        if let problem = canvas.problem { throw .cannotRender(reason: problem) }
    }

    private static func check(_ surface: OpaquePointer) throws(PDFCardError) {
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw .cannotRender(reason: String(cString: cairo_status_to_string(status)))
        }
    }
}

import CCairo

/// The PDF's document information, taken from the details only so that two renders of the
/// same details give the same bytes: the creation date is the completion time, not the clock.
struct PDFDocumentMetadata {
    /// What the PDF records about itself.
    let details: CertificateDetails

    /// "Certificate of Completion – José Núñez".
    var title: String { "Certificate of Completion – " + details.traineeName.pdfPrintable }

    /// Sets title, author (the issuer), subject (the course), creator and both dates on `surface`.
    func apply(to surface: OpaquePointer) {
        let entries: [(cairo_pdf_metadata_t, String)] = [
            (CAIRO_PDF_METADATA_TITLE, title),
            (CAIRO_PDF_METADATA_AUTHOR, details.issuerName.pdfPrintable),
            (CAIRO_PDF_METADATA_SUBJECT, details.courseTitle.pdfPrintable),
            (CAIRO_PDF_METADATA_CREATOR, "csec-trainer"),
            (CAIRO_PDF_METADATA_KEYWORDS, PDFCertificateReference(details).keywords),
            (CAIRO_PDF_METADATA_CREATE_DATE, details.pdfCreationDateText),
            (CAIRO_PDF_METADATA_MOD_DATE, details.pdfCreationDateText),
        ]
        for (key, value) in entries {
            cairo_pdf_surface_set_metadata(surface, key, value)
        }
    }
}

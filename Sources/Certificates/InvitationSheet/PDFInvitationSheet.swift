import CCairo
import Foundation

/// Renders invitations as a printable PDF: one cut-out card per person (``PDFInvitationCard``),
/// several to a page between dashed cut lines, sorted by school then name, each page numbered;
/// DejaVu Sans and Sans Mono embedded as TrueType subsets. Rendering is a pure function of
/// its inputs: no clock, so the same invitations always give the same bytes.
public struct PDFInvitationSheet: Sendable {
    public let paper: InvitationSheetPaper
    /// The district's time zone, in which the expiry dates are printed.
    public let timeZone: TimeZone

    public init(paper: InvitationSheetPaper = .letter, timeZone: TimeZone) {
        self.paper = paper
        self.timeZone = timeZone
    }

    /// The sheet of `entries` (in any order), as PDF bytes; `madeAt` is the PDF's creation date.
    public func render(_ entries: [InvitationSheetEntry], madeAt: Date) throws(InvitationSheetError) -> Data {
        guard !entries.isEmpty else { throw .nobodyToInvite }
        let layout = InvitationSheetLayout(paper: paper)
        let sink = PDFByteSink()
        return try withExtendedLifetime(sink) { () throws(InvitationSheetError) -> Data in
            guard
                let surface = cairo_pdf_surface_create_for_stream(
                    PDFByteSink.write, sink.pointer, layout.pageWidth, layout.pageHeight)
            else { throw .cannotRender(reason: "the PDF page could not be created") }
            defer { cairo_surface_destroy(surface) }
            try Self.check(surface)
            setMetadata(of: surface, entries: entries, madeAt: madeAt)
            try draw(entries.sortedForSheet(), layout: layout, on: surface)
            cairo_surface_finish(surface)
            try Self.check(surface)
            return sink.data
        }
    }

    /// Renders the sheet and saves it at `url`, atomically: a file already there is replaced
    /// whole or not at all, and a crash leaves no half-written sheet.
    public func write(_ entries: [InvitationSheetEntry], madeAt: Date, to url: URL) throws(InvitationSheetError) {
        try InvitationFile.write(render(entries, madeAt: madeAt), to: url)
    }

    private func draw(
        _ entries: [InvitationSheetEntry], layout: InvitationSheetLayout, on surface: OpaquePointer
    ) throws(InvitationSheetError) {
        guard let context = cairo_create(surface) else {
            throw .cannotRender(reason: "the drawing context could not be created")
        }
        defer { cairo_destroy(context) }
        let canvas = PDFCanvas(context: context)
        let expiry = InvitationExpiryText(timeZone: timeZone)
        let pages = layout.pageCount(cards: entries.count)
        for page in 0..<pages {
            let first = page * layout.cardsPerPage
            let onPage = entries[first..<min(entries.count, first + layout.cardsPerPage)]
            for (index, entry) in zip(onPage.indices, onPage) {
                let card = PDFInvitationCard(entry: entry, expiryText: expiry.text(entry.expiresAt))
                try card.draw(in: layout.slot(ofCard: index), on: canvas)
            }
            drawCutLines(cards: onPage.count, layout: layout, on: canvas)
            drawFooter(page: page + 1, of: pages, layout: layout, on: canvas)
            cairo_show_page(context)
            if let problem = canvas.problem { throw .cannotRender(reason: problem) }
        }
    }

    /// Dashed lines across the page above and below each card, and down both sides of them.
    private func drawCutLines(cards: Int, layout: InvitationSheetLayout, on canvas: PDFCanvas) {
        let top = InvitationSheetLayout.topMargin
        let bottom = top + Double(cards) * layout.cardHeight
        for index in 0...cards {
            let y = top + Double(index) * layout.cardHeight
            canvas.strokeCutLine(from: (12, y), to: (layout.pageWidth - 12, y))
        }
        for x in [InvitationSheetLayout.sideMargin, layout.pageWidth - InvitationSheetLayout.sideMargin] {
            canvas.strokeCutLine(from: (x, top - 12), to: (x, bottom + 12))
        }
    }

    private func drawFooter(page: Int, of pages: Int, layout: InvitationSheetLayout, on canvas: PDFCanvas) {
        let style = PDFTextStyle.invitationLabel(1)
        canvas.use(style)
        canvas.use(style.ink)
        let baseline = layout.footerBaseline
        canvas.drawLeft(Self.footerNote, x: InvitationSheetLayout.sideMargin, baseline: baseline)
        let number = "Page \(page) of \(pages)"
        canvas.drawLeft(
            number, x: layout.pageWidth - InvitationSheetLayout.sideMargin - canvas.width(of: number), baseline: baseline)
    }

    static let footerNote = "Cut along the dashed lines and give each card to its person, in private."

    /// Title (with the issuers), creator and both dates, so two renders give the same bytes.
    private func setMetadata(of surface: OpaquePointer, entries: [InvitationSheetEntry], madeAt: Date) {
        let issuers = Set(entries.map { $0.issuerName.pdfPrintable }).sorted().joined(separator: ", ")
        let date = madeAt.formatted(Date.ISO8601FormatStyle(timeZoneSeparator: .colon, timeZone: timeZone))
        let pdfDate = date.hasSuffix("Z") ? String(date.dropLast()) + "+00:00" : date
        let entries: [(cairo_pdf_metadata_t, String)] = [
            (CAIRO_PDF_METADATA_TITLE, "Sign-in invitations – " + issuers),
            (CAIRO_PDF_METADATA_AUTHOR, issuers),
            (CAIRO_PDF_METADATA_CREATOR, "csec-trainer"),
            (CAIRO_PDF_METADATA_CREATE_DATE, pdfDate),
            (CAIRO_PDF_METADATA_MOD_DATE, pdfDate),
        ]
        for (key, value) in entries { cairo_pdf_surface_set_metadata(surface, key, value) }
    }

    private static func check(_ surface: OpaquePointer) throws(InvitationSheetError) {
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw .cannotRender(reason: String(cString: cairo_status_to_string(status)))
        }
    }
}

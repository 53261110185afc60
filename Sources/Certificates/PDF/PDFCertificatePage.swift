import Foundation

/// The certificate's one page: a double border, the body (heading, name, course, protocol,
/// date, score, active time) stacked from the top, and the footer (issuer, record id,
/// verification code, legal note) stacked up from the bottom.
struct PDFCertificatePage {
    /// What the page shows.
    let details: CertificateDetails

    /// The inner border's inset; text keeps clear of it.
    private static let innerFrameInset = PDFPageLayout.borderInset + 7
    /// Where the heading's top sits.
    private static let bodyTop = innerFrameInset + 38
    /// Where the legal note's last line ends.
    private static let footerBottom = PDFPageLayout.height - innerFrameInset - 18
    /// The least space between the body and the footer.
    private static let minimumGap = 12.0

    /// Draws the page; throws when the texts are too long for it.
    func draw(on canvas: PDFCanvas) throws(PDFCertificateError) {
        let body = bodyBlocks(on: canvas)
        let footer = footerBlocks(on: canvas)
        let footerTop = Self.footerBottom - footer.height
        guard Self.bodyTop + body.height + Self.minimumGap <= footerTop else {
            throw .cannotRender(
                reason: "the name, course title or protocol name is too long to fit on one page; shorten it and try again")
        }
        canvas.use(.accent)
        canvas.strokeFrame(inset: PDFPageLayout.borderInset, lineWidth: 2.5)
        canvas.strokeFrame(inset: Self.innerFrameInset, lineWidth: 0.75)
        body.draw(from: Self.bodyTop, on: canvas)
        footer.draw(from: footerTop, on: canvas)
    }

    /// Heading, name, course, protocol, date, score and active time.
    private func bodyBlocks(on canvas: PDFCanvas) -> [PDFTextBlock] {
        let nameStyle = nameStyle(on: canvas)
        return [
            PDFTextBlock(lines: ["Certificate of Completion"], style: .heading, spaceAbove: 0),
            PDFTextBlock(lines: ["This certifies that"], style: .connective, spaceAbove: 20),
            block(details.traineeName, style: nameStyle, spaceAbove: 12, on: canvas),
            PDFTextBlock(lines: ["has completed"], style: .connective, spaceAbove: 8),
            block(details.courseTitle, style: .course, spaceAbove: 8, on: canvas),
            block("County protocol: " + details.protocolName, style: .body, spaceAbove: 12, on: canvas),
            block("Completed on " + details.pdfCompletionDateText, style: .body, spaceAbove: 4, on: canvas),
            block("Result: " + details.scoreText, style: .body, spaceAbove: 2, on: canvas),
            block(details.pdfActiveTimeText, style: .body, spaceAbove: 2, on: canvas),
        ]
    }

    /// Issuer, record id, verification code and the legal note.
    private func footerBlocks(on canvas: PDFCanvas) -> [PDFTextBlock] {
        [
            block("Issued by " + details.issuerName, style: .reference, spaceAbove: 0, on: canvas),
            block("Record ID: " + details.recordID.uuidString, style: .reference, spaceAbove: 0, on: canvas),
            block("Verification code: " + details.verificationCode, style: .reference, spaceAbove: 0, on: canvas),
            block(details.legalNote, style: .legal, spaceAbove: 12, on: canvas),
        ]
    }

    /// `text`, made printable and wrapped to the text width in `style`.
    private func block(_ text: String, style: PDFTextStyle, spaceAbove: Double, on canvas: PDFCanvas) -> PDFTextBlock {
        PDFTextBlock(lines: canvas.lines(text.pdfPrintable, style: style), style: style, spaceAbove: spaceAbove)
    }

    /// The name's style: the largest size, down to the minimum, at which it fits on one line
    /// (at the minimum it wraps).
    private func nameStyle(on canvas: PDFCanvas) -> PDFTextStyle {
        let name = details.traineeName.pdfPrintable
        var size = PDFPageLayout.nameMaximumSize
        while size > PDFPageLayout.nameMinimumSize {
            let style = PDFTextStyle.name(size: size)
            canvas.use(style)
            if canvas.width(of: name) <= PDFPageLayout.textWidth { return style }
            size -= 1
        }
        return .name(size: PDFPageLayout.nameMinimumSize)
    }
}

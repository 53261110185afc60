import Briefing

/// The card's one page: title and protocol, the emergency line, each category's steps, the
/// printed numbers and the site's contacts stacked from the top; the citation footer at the
/// bottom. Drawn at the largest scale at which it all fits.
struct PDFCardPage {
    let card: QuickReferenceCard

    /// A line placed on the page: its text, style, left edge and the space above it.
    private struct Line {
        var text: String
        var style: PDFTextStyle
        var x: Double
        var spaceAbove: Double
    }

    func draw(on canvas: PDFCanvas) throws(PDFCardError) {
        for scale in PDFCardLayout.scales {
            let body = bodyLines(scale: scale, on: canvas)
            let footer = footerLines(scale: scale, on: canvas)
            let footerTop = PDFCardLayout.height - PDFCardLayout.margin - height(of: footer)
            guard PDFCardLayout.margin + height(of: body) + 10 * scale <= footerTop else { continue }
            draw(body, from: PDFCardLayout.margin, on: canvas)
            canvas.use(PDFInk.muted)
            canvas.strokeRule(x: PDFCardLayout.margin, y: footerTop - 4, width: PDFCardLayout.textWidth, lineWidth: 0.5)
            draw(footer, from: footerTop, on: canvas)
            return
        }
        throw .doesNotFit(jurisdiction: card.title)
    }

    private func bodyLines(scale: Double, on canvas: PDFCanvas) -> [Line] {
        let gap = 9 * scale
        var lines = wrapped(card.title, .cardTitle(scale), spaceAbove: 0, on: canvas)
        lines += wrapped(card.protocolLine, .cardBody(scale), spaceAbove: 2 * scale, on: canvas)
        lines += wrapped(card.emergency, .cardEmergency(scale), spaceAbove: gap, on: canvas)
        for category in card.categories {
            lines += wrapped(category.name, .cardHeading(scale), spaceAbove: gap, on: canvas)
            for step in category.steps {
                lines += wrapped(step, .cardBody(scale), indent: PDFCardLayout.indent, spaceAbove: 0, on: canvas)
            }
        }
        if !card.printedNumbers.isEmpty {
            lines += wrapped("Numbers printed on the protocol", .cardHeading(scale), spaceAbove: gap, on: canvas)
            for number in card.printedNumbers {
                lines += wrapped(number, .cardBody(scale), indent: PDFCardLayout.indent, spaceAbove: 0, on: canvas)
            }
        }
        let sheet = card.siteContacts
        let heading = sheet.siteName.map { "Site contacts: \($0)" } ?? "Site contacts"
        lines += wrapped(heading, .cardHeading(scale), spaceAbove: gap, on: canvas)
        for row in sheet.rows {
            lines += wrapped(
                "\(row.label): \(row.filledIn ?? "______________________________")", .cardBody(scale),
                indent: PDFCardLayout.indent, spaceAbove: 0, on: canvas)
        }
        return lines
    }

    private func footerLines(scale: Double, on canvas: PDFCanvas) -> [Line] {
        wrapped(card.footer, .cardFooter(scale), spaceAbove: 0, on: canvas)
    }

    /// `text`, made printable and wrapped to the text width less `indent`; wrapped lines hang
    /// a little further in.
    private func wrapped(
        _ text: String, _ style: PDFTextStyle, indent: Double = 0, spaceAbove: Double, on canvas: PDFCanvas
    ) -> [Line] {
        let hanging = indent > 0 ? 10.0 : 0
        let broken = canvas.lines(text.pdfPrintable, style: style, maximumWidth: PDFCardLayout.textWidth - indent - hanging)
        return broken.enumerated().map { index, line in
            Line(
                text: line, style: style, x: PDFCardLayout.margin + indent + (index == 0 ? 0 : hanging),
                spaceAbove: index == 0 ? spaceAbove : 0)
        }
    }

    private func height(of lines: [Line]) -> Double {
        lines.reduce(0) { $0 + $1.spaceAbove + $1.style.lineHeight }
    }

    private func draw(_ lines: [Line], from top: Double, on canvas: PDFCanvas) {
        var lineTop = top
        for line in lines {
            lineTop += line.spaceAbove
            canvas.use(line.style)
            canvas.use(line.style.ink)
            // DejaVu Sans rises about 0.76 em above its baseline.
            canvas.drawLeft(line.text, x: line.x, baseline: lineTop + 0.8 * line.style.size)
            lineTop += line.style.lineHeight
        }
    }
}

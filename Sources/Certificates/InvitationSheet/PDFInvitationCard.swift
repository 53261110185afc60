import Foundation
import QRCodes

/// One person's cut-out card: the QR code of their link at the left; beside it the issuer,
/// their name, school and role, when the link expires and what to do with it; along the
/// bottom the link itself, to type, in a face where 0 and O, 1, l and I differ. Drawn at the
/// largest scale at which it all fits.
struct PDFInvitationCard {
    let entry: InvitationSheetEntry
    /// "December 14, 2026, 5:00 PM PST".
    let expiryText: String

    static let padding = 12.0
    /// The QR code's side, quiet zone included: about 2 points a module for a link of 80 characters.
    static let codeSide = 100.0
    static let columnGap = 12.0
    /// The most lines the link may take.
    static let linkLineLimit = 2
    static let instructions =
        "Scan the code with a phone's camera, or type the link below on any phone or computer. "
        + "The link works once, and only for you: keep it private."
    static let linkLabel = "Sign-in link (no spaces):"

    /// A line placed on the card: its text, style and the space above it.
    private struct Line {
        var text: String
        var style: PDFTextStyle
        var spaceAbove: Double
    }

    /// Draws the card in `slot` (its own page's coordinates).
    func draw(in slot: InvitationSheetLayout.Slot, on canvas: PDFCanvas) throws(InvitationSheetError) {
        let link = entry.link.absoluteString
        guard let code = QRCodeMatrix(link) else {
            throw .linkTooLong(name: entry.name.pdfPrintable, characters: link.count)
        }
        let columnX = slot.x + Self.padding + Self.codeSide + Self.columnGap
        let columnWidth = slot.x + slot.width - Self.padding - columnX
        let linkWidth = slot.width - 2 * Self.padding
        for scale in PDFCardLayout.scales {
            let linkLines = self.linkLines(link, scale: scale, width: linkWidth, on: canvas)
            guard linkLines.count <= Self.linkLineLimit else { continue }
            let bottom = [Line(text: Self.linkLabel, style: .invitationLabel(scale), spaceAbove: 0)] + linkLines
            let bottomTop = slot.y + slot.height - Self.padding - height(of: bottom)
            let column = columnLines(scale: scale, width: columnWidth, on: canvas)
            let upperBottom = slot.y + Self.padding + max(Self.codeSide, height(of: column))
            guard upperBottom + 6 <= bottomTop else { continue }
            canvas.drawQRCode(code, x: slot.x + Self.padding, y: slot.y + Self.padding, side: Self.codeSide)
            draw(column, x: columnX, from: slot.y + Self.padding, on: canvas)
            draw(bottom, x: slot.x + Self.padding, from: bottomTop, on: canvas)
            return
        }
        let smallest = PDFCardLayout.scales.last ?? 1
        if linkLines(link, scale: smallest, width: linkWidth, on: canvas).count > Self.linkLineLimit {
            throw .linkTooLong(name: entry.name.pdfPrintable, characters: link.count)
        }
        throw .doesNotFit(name: entry.name.pdfPrintable)
    }

    private func columnLines(scale: Double, width: Double, on canvas: PDFCanvas) -> [Line] {
        let place = [entry.school, entry.role].compactMap { $0?.pdfPrintable }.filter { !$0.isEmpty }
        var lines = wrapped(
            entry.issuerName + " · Staff training sign-in", .invitationIssuer(scale), spaceAbove: 0, width: width,
            on: canvas)
        lines += wrapped(entry.name, .invitationName(scale), spaceAbove: 3 * scale, width: width, on: canvas)
        lines += wrapped(place.joined(separator: " · "), .invitationBody(scale), spaceAbove: 0, width: width, on: canvas)
        lines += wrapped(
            "Link expires " + expiryText, .invitationExpiry(scale), spaceAbove: 3 * scale, width: width, on: canvas)
        lines += wrapped(Self.instructions, .invitationNote(scale), spaceAbove: 3 * scale, width: width, on: canvas)
        return lines
    }

    /// The link, broken between characters where it is too wide (``InvitationLinkBreaker``: it
    /// has no spaces, so a line end is never a space to type).
    private func linkLines(_ link: String, scale: Double, width: Double, on canvas: PDFCanvas) -> [Line] {
        let style = PDFTextStyle.invitationLink(scale)
        canvas.use(style)
        return InvitationLinkBreaker { canvas.width(of: $0) <= width }.lines(link).map {
            Line(text: $0, style: style, spaceAbove: 0)
        }
    }

    private func wrapped(
        _ text: String, _ style: PDFTextStyle, spaceAbove: Double, width: Double, on canvas: PDFCanvas
    ) -> [Line] {
        canvas.lines(text.pdfPrintable, style: style, maximumWidth: width).enumerated().map { index, line in
            Line(text: line, style: style, spaceAbove: index == 0 ? spaceAbove : 0)
        }
    }

    private func height(of lines: [Line]) -> Double {
        lines.reduce(0) { $0 + $1.spaceAbove + $1.style.lineHeight }
    }

    private func draw(_ lines: [Line], x: Double, from top: Double, on canvas: PDFCanvas) {
        var lineTop = top
        for line in lines {
            lineTop += line.spaceAbove
            canvas.use(line.style)
            canvas.use(line.style.ink)
            // DejaVu Sans rises about 0.76 em above its baseline.
            canvas.drawLeft(line.text, x: x, baseline: lineTop + 0.8 * line.style.size)
            lineTop += line.style.lineHeight
        }
    }
}

extension PDFTextStyle {
    /// The invitation card's styles at `scale` (1 is the largest).
    static func invitationIssuer(_ scale: Double) -> PDFTextStyle {
        PDFTextStyle(bold: true, size: 8.5 * scale, leading: 0.3, ink: .accent)
    }
    static func invitationName(_ scale: Double) -> PDFTextStyle {
        PDFTextStyle(bold: true, size: 15 * scale, leading: 0.2, ink: .accent)
    }
    static func invitationBody(_ scale: Double) -> PDFTextStyle { PDFTextStyle(bold: false, size: 10 * scale, leading: 0.3) }
    static func invitationExpiry(_ scale: Double) -> PDFTextStyle { PDFTextStyle(bold: true, size: 10 * scale, leading: 0.3) }
    static func invitationNote(_ scale: Double) -> PDFTextStyle { PDFTextStyle(bold: false, size: 8.5 * scale, leading: 0.3) }
    static func invitationLabel(_ scale: Double) -> PDFTextStyle {
        PDFTextStyle(bold: false, size: 7.5 * scale, leading: 0.3, ink: .muted)
    }
    static func invitationLink(_ scale: Double) -> PDFTextStyle {
        PDFTextStyle(bold: false, size: 10.5 * scale, leading: 0.25, monospaced: true)
    }
}

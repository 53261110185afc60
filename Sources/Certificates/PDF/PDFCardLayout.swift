/// The geometry of a quick-reference card, in PDF points: one portrait US Letter page, text
/// left-aligned between the margins.
enum PDFCardLayout {
    /// Portrait US Letter: 8.5 × 11 inches.
    static let width = 612.0
    static let height = 792.0
    static let margin = 40.0
    static let textWidth = width - 2 * margin
    /// How far step lines and list items sit in from the margin.
    static let indent = 12.0
    /// The sizes tried, largest first, until the card fits; below the last it is not readable.
    static let scales = stride(from: 1.0, through: 0.7, by: -0.05).map { $0 }
}

extension PDFTextStyle {
    /// The card's styles at `scale` (1 is the largest).
    static func cardTitle(_ scale: Double) -> PDFTextStyle {
        PDFTextStyle(bold: true, size: 17 * scale, leading: 0.25, ink: .accent)
    }
    static func cardHeading(_ scale: Double) -> PDFTextStyle {
        PDFTextStyle(bold: true, size: 11 * scale, leading: 0.3, ink: .accent)
    }
    static func cardEmergency(_ scale: Double) -> PDFTextStyle { PDFTextStyle(bold: true, size: 11 * scale, leading: 0.3) }
    static func cardBody(_ scale: Double) -> PDFTextStyle { PDFTextStyle(bold: false, size: 9.5 * scale, leading: 0.3) }
    static func cardFooter(_ scale: Double) -> PDFTextStyle {
        PDFTextStyle(bold: false, size: 7.5 * scale, leading: 0.3, ink: .muted)
    }
}

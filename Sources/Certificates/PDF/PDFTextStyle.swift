/// How one block of text looks: DejaVu Sans regular or bold, its size, spacing and colour.
struct PDFTextStyle: Sendable, Equatable {
    /// Bold for headings and the name, regular for the rest.
    var bold: Bool
    /// The font size, in points.
    var size: Double
    /// Extra space below each line, as a fraction of `size`.
    var leading: Double = 0.35
    /// The colour of the text.
    var ink: PDFInk = .text
    /// DejaVu Sans Mono instead, for text to type (a link): 0 and O, 1, l and I look different.
    var monospaced = false

    /// The distance from one baseline to the next.
    var lineHeight: Double { size * (1 + leading) }

    static let heading = PDFTextStyle(bold: true, size: 34, ink: .accent)
    static let connective = PDFTextStyle(bold: false, size: 13)
    static let course = PDFTextStyle(bold: true, size: 16)
    static let body = PDFTextStyle(bold: false, size: 12)
    static let reference = PDFTextStyle(bold: false, size: 10)
    static let legal = PDFTextStyle(bold: false, size: 7.5, leading: 0.3, ink: .muted)

    /// The trainee's name at `size`.
    static func name(size: Double) -> PDFTextStyle { PDFTextStyle(bold: true, size: size, leading: 0.25, ink: .accent) }
}

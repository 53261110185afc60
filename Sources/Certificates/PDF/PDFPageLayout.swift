/// The fixed geometry of a certificate page, in PDF points (1/72 inch): one landscape US
/// Letter page with the text centred between the margins.
struct PDFPageLayout: Sendable {
    /// Landscape US Letter: 11 × 8.5 inches.
    static let width = 792.0
    static let height = 612.0
    /// Space between the page edge and the outer border.
    static let borderInset = 28.0
    /// Space between the page edge and any text.
    static let margin = 64.0
    /// The widest a line of text may be.
    static let textWidth = width - 2 * margin
    /// The horizontal centre, where every line is centred.
    static let centreX = width / 2

    /// The regular face; cairo's toy API finds it through fontconfig (fonts-dejavu-core).
    static let fontFamily = "DejaVu Sans"
    /// The face for text to type (fonts-dejavu-core too).
    static let monospacedFontFamily = "DejaVu Sans Mono"

    /// The largest size of the trainee's name, and the smallest it shrinks to before wrapping.
    static let nameMaximumSize = 32.0
    static let nameMinimumSize = 18.0
}

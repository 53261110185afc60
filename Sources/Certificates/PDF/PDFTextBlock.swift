/// A run of centred lines in one style, with the space left above it: the unit a certificate
/// page is stacked from.
struct PDFTextBlock {
    /// The lines, already broken to fit the text width.
    var lines: [String]
    /// How they look.
    var style: PDFTextStyle
    /// Space between the block above and this one's first line, in points.
    var spaceAbove: Double

    /// The vertical space the block takes, its space above included.
    var height: Double { spaceAbove + Double(lines.count) * style.lineHeight }

    /// Draws the lines centred, the first one's top at `top` + `spaceAbove`; returns the
    /// top of whatever comes next.
    func draw(from top: Double, on canvas: PDFCanvas) -> Double {
        canvas.use(style)
        canvas.use(style.ink)
        var lineTop = top + spaceAbove
        for line in lines {
            // DejaVu Sans rises about 0.76 em above its baseline.
            canvas.drawCentred(line, baseline: lineTop + 0.8 * style.size)
            lineTop += style.lineHeight
        }
        return lineTop
    }
}

extension Array where Element == PDFTextBlock {
    /// The vertical space the blocks take, stacked.
    var height: Double { reduce(0) { $0 + $1.height } }

    /// Draws the blocks one under the other from `top`; returns the bottom of the last.
    @discardableResult
    func draw(from top: Double, on canvas: PDFCanvas) -> Double {
        reduce(top) { next, block in block.draw(from: next, on: canvas) }
    }
}

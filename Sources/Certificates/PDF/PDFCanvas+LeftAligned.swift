import CCairo

extension PDFCanvas {
    /// Draws `text` in the current font from `x`, with its baseline at `baseline`.
    func drawLeft(_ text: String, x: Double, baseline: Double) {
        cairo_move_to(context, x, baseline)
        cairo_show_text(context, text)
    }

    /// Strokes a horizontal rule from `x` to `x + width` at `y`.
    func strokeRule(x: Double, y: Double, width: Double, lineWidth: Double) {
        cairo_set_line_width(context, lineWidth)
        cairo_move_to(context, x, y)
        cairo_line_to(context, x + width, y)
        cairo_stroke(context)
    }
}

import CCairo

/// A cairo drawing context on one certificate page, with the few operations a certificate
/// needs: choose a text style, measure and wrap text, draw a line centred, draw the border.
/// It does not own the context.
struct PDFCanvas {
    /// The `cairo_t *` to draw with.
    let context: OpaquePointer

    /// Makes `style` the current font (DejaVu Sans or Sans Mono, regular or bold, at its size).
    func use(_ style: PDFTextStyle) {
        cairo_select_font_face(
            context, style.monospaced ? PDFPageLayout.monospacedFontFamily : PDFPageLayout.fontFamily, CAIRO_FONT_SLANT_NORMAL,
            style.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(context, style.size)
    }

    /// How far `text` advances in the current font, in points.
    func width(of text: String) -> Double {
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        return extents.x_advance
    }

    /// `text` broken into lines no wider than `maximumWidth` in `style`, which stays current.
    func lines(_ text: String, style: PDFTextStyle, maximumWidth: Double = PDFPageLayout.textWidth) -> [String] {
        use(style)
        return PDFLineBreaker(maximumWidth: maximumWidth) { width(of: $0) }.lines(text)
    }

    /// Draws `text` in the current font, centred on the page, with its baseline at `baseline`.
    func drawCentred(_ text: String, baseline: Double) {
        cairo_move_to(context, PDFPageLayout.centreX - width(of: text) / 2, baseline)
        cairo_show_text(context, text)
    }

    /// Sets the colour of what is drawn next.
    func use(_ ink: PDFInk) {
        cairo_set_source_rgb(context, ink.red, ink.green, ink.blue)
    }

    /// Strokes a rectangle `inset` points inside the page edge, `lineWidth` points wide.
    func strokeFrame(inset: Double, lineWidth: Double) {
        cairo_set_line_width(context, lineWidth)
        cairo_rectangle(
            context, inset, inset, PDFPageLayout.width - 2 * inset, PDFPageLayout.height - 2 * inset)
        cairo_stroke(context)
    }

    /// cairo's own words for what went wrong with the context, or nil when all is well.
    var problem: String? {
        let status = cairo_status(context)
        return status == CAIRO_STATUS_SUCCESS ? nil : String(cString: cairo_status_to_string(status))
    }
}

import CCairo
import QRCodes

extension PDFCanvas {
    /// Fills `code`'s dark modules in black, the symbol and its quiet zone scaled to a square of
    /// `side` points with its top left corner at `x`, `y`. One path for all modules, so that a
    /// rasterizer leaves no seams between neighbours.
    func drawQRCode(_ code: QRCodeMatrix, x: Double, y: Double, side: Double) {
        let module = side / Double(code.sideWithQuietZone)
        let origin = (x: x + module * Double(QRCodeMatrix.quietZone), y: y + module * Double(QRCodeMatrix.quietZone))
        cairo_set_source_rgb(context, 0, 0, 0)
        for run in code.darkRuns {
            cairo_rectangle(
                context, origin.x + Double(run.firstColumn) * module, origin.y + Double(run.row) * module,
                Double(run.length) * module, module)
        }
        cairo_fill(context)
    }

    /// Strokes a dashed line from `start` to `end`, thin and grey: where to cut.
    func strokeCutLine(from start: (x: Double, y: Double), to end: (x: Double, y: Double)) {
        let dashes = [4.0, 3.0]
        cairo_save(context)
        use(PDFInk.muted)
        cairo_set_line_width(context, 0.5)
        cairo_set_dash(context, dashes, Int32(dashes.count), 0)
        cairo_move_to(context, start.x, start.y)
        cairo_line_to(context, end.x, end.y)
        cairo_stroke(context)
        cairo_restore(context)
    }
}

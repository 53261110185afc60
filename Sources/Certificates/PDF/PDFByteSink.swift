import CCairo
import Foundation

/// Collects the bytes cairo writes for a PDF surface made with
/// `cairo_pdf_surface_create_for_stream`, so a certificate renders to memory.
final class PDFByteSink {
    /// What cairo has written so far.
    private(set) var data = Data()

    /// The callback to give cairo, with `closure` set to ``pointer``.
    static let write: cairo_write_func_t = { closure, bytes, length in
        guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<PDFByteSink>.fromOpaque(closure).takeUnretainedValue()
        if let bytes, length > 0 { sink.data.append(bytes, count: Int(length)) }
        return CAIRO_STATUS_SUCCESS
    }

    /// The sink as cairo's `closure` argument. Unretained: keep the sink alive while the
    /// surface may still write.
    var pointer: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}

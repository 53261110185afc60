import CQRencode

/// The join address as a QR code (libqrencode), drawn as an SVG image the projector shows so
/// that the room can open the participant page with a phone's camera.
public struct JoinQRCode: Sendable, Equatable {
    /// The modules, row by row: true where a module is dark.
    public let modules: [[Bool]]

    /// Light modules around the symbol, as the QR specification asks (four).
    public static let quietZone = 4

    /// The code of `text` (error correction level M: the symbol survives a smudged projector),
    /// or nil when libqrencode cannot encode it (too long, or out of memory).
    public init?(_ text: String) {
        guard !text.isEmpty, let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        let data = UnsafeBufferPointer(start: code.pointee.data, count: width * width)
        // Bit 0 of each byte is the module's colour (1: dark); the other bits say what it is part of.
        modules = (0..<width).map { row in (0..<width).map { column in data[row * width + column] & 1 == 1 } }
    }

    /// An SVG image: one square unit per module, dark modules as one path on a white square,
    /// scaled by whoever shows it. Self-contained (no script, style or external reference), so
    /// the session's Content-Security-Policy allows it as an image.
    public var svg: String {
        let size = modules.count + 2 * Self.quietZone
        var path = ""
        for (row, line) in modules.enumerated() {
            for (column, dark) in line.enumerated() where dark {
                path += "M\(column + Self.quietZone) \(row + Self.quietZone)h1v1h-1z"
            }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(size) \(size)" shape-rendering="crispEdges">\
            <rect width="\(size)" height="\(size)" fill="#fff"/><path fill="#000" d="\(path)"/></svg>

            """
    }
}

import QRCodes

/// The join address as a QR code (libqrencode), drawn as an SVG image the projector shows so
/// that the room can open the participant page with a phone's camera.
public struct JoinQRCode: Sendable, Equatable {
    /// The modules, row by row: true where a module is dark.
    public var modules: [[Bool]] { matrix.modules }

    /// Light modules around the symbol, as the QR specification asks (four).
    public static let quietZone = QRCodeMatrix.quietZone

    private let matrix: QRCodeMatrix

    /// The code of `text` (error correction level M: the symbol survives a smudged projector),
    /// or nil when libqrencode cannot encode it (too long, or out of memory).
    public init?(_ text: String) {
        guard let matrix = QRCodeMatrix(text) else { return nil }
        self.matrix = matrix
    }

    /// An SVG image: one square unit per module, dark modules as one path on a white square,
    /// scaled by whoever shows it. Self-contained (no script, style or external reference), so
    /// the session's Content-Security-Policy allows it as an image.
    public var svg: String {
        let size = matrix.sideWithQuietZone
        var path = ""
        for run in matrix.darkRuns {
            path += "M\(run.firstColumn + Self.quietZone) \(run.row + Self.quietZone)h\(run.length)v1h-\(run.length)z"
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(size) \(size)" shape-rendering="crispEdges">\
            <rect width="\(size)" height="\(size)" fill="#fff"/><path fill="#000" d="\(path)"/></svg>

            """
    }
}

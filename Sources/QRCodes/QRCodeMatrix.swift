import CQRencode

/// A text as a QR code's modules (libqrencode, error correction level M), for whoever draws
/// it: the projector's join code as SVG, the invitation sheet's cards in a PDF.
public struct QRCodeMatrix: Sendable, Equatable {
    /// The modules, row by row: true where a module is dark.
    public let modules: [[Bool]]

    /// Light modules around the symbol, as the QR specification asks (four).
    public static let quietZone = 4

    /// The code of `text` (level M: the symbol survives a smudge or a crease), or nil when
    /// libqrencode cannot encode it (empty, too long, or out of memory).
    public init?(_ text: String) {
        guard !text.isEmpty, let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        let data = UnsafeBufferPointer(start: code.pointee.data, count: width * width)
        // Bit 0 of each byte is the module's colour (1: dark); the other bits say what it is part of.
        modules = (0..<width).map { row in (0..<width).map { column in data[row * width + column] & 1 == 1 } }
    }

    /// Modules on a side, quiet zone included: the size to scale the code to.
    public var sideWithQuietZone: Int { modules.count + 2 * Self.quietZone }

    /// A run of dark modules side by side in one row, quiet zone not counted.
    public struct Run: Sendable, Equatable {
        public var row: Int
        public var firstColumn: Int
        public var length: Int
    }

    /// The dark modules of each row as runs: what a drawing fills, one rectangle a run, so
    /// neighbours leave no seams.
    public var darkRuns: [Run] {
        var runs: [Run] = []
        for (row, line) in modules.enumerated() {
            var column = 0
            while column < line.count {
                guard line[column] else {
                    column += 1
                    continue
                }
                let start = column
                while column < line.count, line[column] { column += 1 }
                runs.append(Run(row: row, firstColumn: start, length: column - start))
            }
        }
        return runs
    }
}

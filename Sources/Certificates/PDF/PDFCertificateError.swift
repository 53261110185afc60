/// Why a PDF certificate could not be made, in words a school trainer can act on.
public enum PDFCertificateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The certificate could not be drawn (the drawing library reported a problem, or the
    /// text does not fit on one page).
    case cannotRender(reason: String)
    /// The finished certificate could not be saved at `path`.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotRender(let reason):
            return "The certificate could not be drawn: \(reason)."
        case .cannotWrite(let path, let reason):
            return "The certificate could not be saved to \(path): \(reason). "
                + "Check that the folder exists and that you may write to it."
        }
    }
}

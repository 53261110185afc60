/// The paper the invitation sheet is printed on.
public enum InvitationSheetPaper: String, Sendable, Codable, CaseIterable {
    /// US Letter, 8.5 × 11 inches: what California schools print on.
    case letter
    /// ISO A4, 210 × 297 mm.
    case a4

    /// Portrait width and height in PDF points (1/72 inch).
    public var size: (width: Double, height: Double) {
        switch self {
        case .letter: (612, 792)
        case .a4: (595.28, 841.89)
        }
    }
}

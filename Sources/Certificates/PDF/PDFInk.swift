/// The few colours a certificate uses, as red, green and blue from 0 to 1.
enum PDFInk: Sendable {
    /// Deep blue: the border, the heading and the trainee's name.
    case accent
    /// Near black: the body text.
    case text
    /// Grey: the legal note.
    case muted

    var red: Double {
        switch self {
        case .accent: 0.09
        case .text: 0.13
        case .muted: 0.38
        }
    }

    var green: Double {
        switch self {
        case .accent: 0.20
        case .text: 0.13
        case .muted: 0.38
        }
    }

    var blue: Double {
        switch self {
        case .accent: 0.38
        case .text: 0.13
        case .muted: 0.38
        }
    }
}

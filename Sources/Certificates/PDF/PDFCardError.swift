/// Why a quick-reference card could not be made, in words a school trainer can act on.
public enum PDFCardError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The card could not be drawn (the drawing library reported a problem).
    case cannotRender(reason: String)
    /// The protocol has more steps and contacts than one page holds at a readable size.
    case doesNotFit(jurisdiction: String)

    public var description: String {
        switch self {
        case .cannotRender(let reason):
            "The quick-reference card could not be drawn: \(reason)."
        case .doesNotFit(let jurisdiction):
            "The quick-reference card of \(jurisdiction) does not fit on one page at a readable size. "
                + "Shorten the site contacts, or print the whole protocol instead."
        }
    }
}

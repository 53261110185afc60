/// Where the cards go on the invitation sheet, in PDF points from the top left of a page:
/// full-width cards stacked down the page between the margins, as many as fit at
/// ``minimumCardHeight``, sharing the space left equally; the page number below them.
struct InvitationSheetLayout: Sendable, Equatable {
    /// A card's place on the sheet: its page (from 0) and its rectangle on that page.
    struct Slot: Sendable, Equatable {
        var page: Int
        var x: Double
        var y: Double
        var width: Double
        var height: Double
    }

    static let sideMargin = 36.0
    static let topMargin = 36.0
    /// Room under the cards for the page's footer line, and the margin under it.
    static let footerHeight = 30.0
    static let bottomMargin = 26.0
    /// The least height a card's content needs (``PDFInvitationCard``).
    static let minimumCardHeight = 170.0

    let paper: InvitationSheetPaper

    var pageWidth: Double { paper.size.width }
    var pageHeight: Double { paper.size.height }
    var cardWidth: Double { pageWidth - 2 * Self.sideMargin }
    private var cardArea: Double { pageHeight - Self.topMargin - Self.footerHeight - Self.bottomMargin }
    var cardsPerPage: Int { Int(cardArea / Self.minimumCardHeight) }
    var cardHeight: Double { cardArea / Double(cardsPerPage) }
    /// The baseline of the footer line.
    var footerBaseline: Double { pageHeight - Self.bottomMargin }

    /// The number of pages `count` cards take (at least one).
    func pageCount(cards count: Int) -> Int { max(1, (count + cardsPerPage - 1) / cardsPerPage) }

    /// The place of the card at `index` (from 0) in sheet order.
    func slot(ofCard index: Int) -> Slot {
        Slot(
            page: index / cardsPerPage, x: Self.sideMargin,
            y: Self.topMargin + Double(index % cardsPerPage) * cardHeight, width: cardWidth, height: cardHeight)
    }
}

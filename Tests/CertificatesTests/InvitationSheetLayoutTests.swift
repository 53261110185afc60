import Foundation
import Testing

@testable import Certificates

/// Where the cards go: inside the margins, one under another without overlapping, each at
/// least as tall as its content needs, as many a page as fit.
@Suite("Invitation sheet layout")
struct InvitationSheetLayoutTests {
    @Test("Cards stay inside the page's margins and never overlap", arguments: InvitationSheetPaper.allCases)
    func cardsInsideTheMargins(paper: InvitationSheetPaper) {
        let layout = InvitationSheetLayout(paper: paper)
        let count = 3 * layout.cardsPerPage + 1
        let slots = (0..<count).map(layout.slot(ofCard:))
        for slot in slots {
            #expect(slot.x >= InvitationSheetLayout.sideMargin)
            #expect(slot.x + slot.width <= paper.size.width - InvitationSheetLayout.sideMargin + 1e-9)
            #expect(slot.y >= InvitationSheetLayout.topMargin)
            #expect(slot.y + slot.height <= layout.footerBaseline - InvitationSheetLayout.footerHeight / 2)
            #expect(slot.height >= InvitationSheetLayout.minimumCardHeight)
        }
        for (earlier, later) in zip(slots, slots.dropFirst()) where earlier.page == later.page {
            #expect(earlier.y + earlier.height <= later.y + 1e-9)
        }
        #expect(Set(slots.map(\.page)) == Set(0..<layout.pageCount(cards: count)))
    }

    @Test("A page holds as many cards as fit, and no more", arguments: InvitationSheetPaper.allCases)
    func asManyAsFit(paper: InvitationSheetPaper) {
        let layout = InvitationSheetLayout(paper: paper)
        #expect(layout.cardsPerPage >= 2)
        let onePageMore =
            InvitationSheetLayout.topMargin + Double(layout.cardsPerPage + 1)
            * InvitationSheetLayout.minimumCardHeight
        #expect(onePageMore > layout.footerBaseline - InvitationSheetLayout.footerHeight / 2)
    }

    @Test("The page count is the last card's page, and a sheet has at least one page", arguments: [1, 2, 3, 4, 5, 9, 1000])
    func pageCount(cards: Int) {
        for paper in InvitationSheetPaper.allCases {
            let layout = InvitationSheetLayout(paper: paper)
            #expect(layout.pageCount(cards: cards) == layout.slot(ofCard: cards - 1).page + 1)
            #expect(layout.slot(ofCard: 0).page == 0)
        }
        #expect(InvitationSheetLayout(paper: .letter).pageCount(cards: 0) == 1)
    }
}

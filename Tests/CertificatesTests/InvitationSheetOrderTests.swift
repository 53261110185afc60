import Foundation
import Testing

@testable import Certificates

/// The order of the cards and the mail-merge rows: by school, then by name, as a person
/// would sort them, never by the input's order or by code points.
@Suite("Invitation sheet order")
struct InvitationSheetOrderTests {
    struct Rule: Sendable, CustomTestStringConvertible {
        var earlier: (school: String, name: String)
        var later: (school: String, name: String)
        var testDescription: String { "\(earlier.school), \(earlier.name) before \(later.school), \(later.name)" }
    }

    static let rules = [
        Rule(earlier: ("Adams Elementary", "Zoë Zeller"), later: ("Lincoln High", "Ana Ruiz")),
        Rule(earlier: ("Lincoln High", "Émile Zola"), later: ("Lincoln High", "Zoë Adams")),
        Rule(earlier: ("Lincoln High", "ana Ruiz"), later: ("Lincoln High", "Bea Chen")),
        Rule(earlier: ("School 2", "Bea Chen"), later: ("School 10", "Ana Ruiz")),
        Rule(earlier: ("Lincoln High", "Łucja Nowak"), later: ("Lincoln High", "Maria Ortiz")),
        Rule(earlier: ("Lincoln High", "Nguyễn Thị Minh"), later: ("Lincoln High", "Nguyen Van An")),
    ]

    @Test(arguments: rules)
    func sortsBefore(_ rule: Rule) {
        let earlier = InvitationSheetSample.entry(rule.earlier.name, school: rule.earlier.school)
        let later = InvitationSheetSample.entry(rule.later.name, school: rule.later.school)
        #expect(earlier.sortsBefore(later))
        #expect(!later.sortsBefore(earlier))
        #expect([later, earlier].sortedForSheet() == [earlier, later])
    }

    @Test("Two people of the same name at the same school keep one order, whatever the input's")
    func tiesAreBroken() {
        let first = InvitationSheetSample.entry("Ana Ruiz")
        var second = first
        second.link = InvitationSheetSample.link("another Ana Ruiz")
        #expect([first, second].sortedForSheet() == [second, first].sortedForSheet())
        #expect(!first.sortsBefore(first))
    }
}

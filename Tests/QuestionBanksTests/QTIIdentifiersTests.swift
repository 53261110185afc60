import Testing

@testable import QuestionBanks

/// Engine ids as QTI identifiers (xs:NCName), and back.
@Suite struct QTIIdentifiersTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var id: String
        var identifier: String
        var testDescription: String { id }
    }

    @Test(arguments: [
        Case(id: "step:marin:3", identifier: "step_marin_3"),
        Case(id: "category:none", identifier: "category_none"),
        Case(id: "mistake:promise-secrecy", identifier: "mistake_promise-secrecy"),
        Case(id: "complete", identifier: "complete"),
        Case(id: "new-phone#0/category", identifier: "new-phone_0_category"),
        Case(id: "3-girls#1/next-step", identifier: "_3-girls_1_next-step"),
        Case(id: "-lead", identifier: "_-lead"),
        Case(id: ".lead", identifier: "_.lead"),
        Case(id: "café", identifier: "caf_"),
        Case(id: "", identifier: "_"),
    ])
    func everyIdBecomesAnNCName(_ rule: Case) {
        var identifiers = QTIIdentifiers()
        let identifier = identifiers.identifier(for: rule.id)
        #expect(identifier == rule.identifier)
        #expect(Self.isNCName(identifier))
        #expect(identifiers.id(for: identifier) == rule.id)
    }

    @Test func idsThatReadTheSameGetDistinctIdentifiersAndMapBack() {
        var identifiers = QTIIdentifiers()
        let ids = ["a:b", "a/b", "a#b", "a_b"]
        let assigned = ids.map { identifiers.identifier(for: $0) }
        #expect(assigned == ["a_b", "a_b_2", "a_b_3", "a_b_4"])
        #expect(assigned.map { identifiers.id(for: $0) } == ids)
        #expect(identifiers.identifier(for: "a/b") == "a_b_2")
    }

    /// XSD's NCName for ASCII: a letter or `_`, then letters, digits, `_`, `-` and `.`.
    static func isNCName(_ text: String) -> Bool {
        guard let first = text.first, first.isASCII, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) }
    }
}

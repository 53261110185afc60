import ContentLoading
import ProtocolEngine
import TerminalUI
import TestSupport
import Testing

/// What a trainee types at the county prompt, and the protocol it names: ids and names in any
/// case, with or without "County"; anything else names none (and the prompt asks again).
struct JurisdictionChoiceTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var typed: String
        var id: String?
        var testDescription: String { "“\(typed)” → \(id ?? "none")" }
    }

    static let cases = [
        Case(typed: "Marin County", id: "marin"),
        Case(typed: "marin", id: "marin"),
        Case(typed: "MARIN", id: "marin"),
        Case(typed: "  marin  ", id: "marin"),
        Case(typed: "orange county", id: "orange-county"),
        Case(typed: "Orange", id: "orange-county"),
        Case(typed: "orange-county", id: "orange-county"),
        Case(typed: "San Diego", id: "san-diego"),
        Case(typed: "san diego county", id: "san-diego"),
        Case(typed: "San_Mateo", id: "san-mateo"),
        Case(typed: "San Mateo County", id: "san-mateo"),
        Case(typed: "sro flowchart", id: "sro-flowchart"),
        Case(typed: "Marn", id: nil),
        Case(typed: "San", id: nil),
        Case(typed: "county", id: nil),
        Case(typed: "", id: nil),
        Case(typed: "Los Angeles", id: nil),
    ]

    @Test(arguments: cases)
    func aTypedCountyNamesItsProtocol(_ example: Case) throws {
        let protocols = try Fixtures.library().protocols
        #expect(JurisdictionChoice.match(example.typed, in: protocols)?.id.rawValue == example.id)
    }

    /// Every protocol is found by its own name and id as the file gives them, in capitals.
    @Test func everyProtocolIsFoundByItsName() throws {
        let protocols = try Fixtures.library().protocols
        for jurisdiction in protocols {
            #expect(JurisdictionChoice.match(jurisdiction.name.uppercased(), in: protocols)?.id == jurisdiction.id)
            #expect(JurisdictionChoice.match(jurisdiction.id.rawValue.uppercased(), in: protocols)?.id == jurisdiction.id)
        }
    }
}

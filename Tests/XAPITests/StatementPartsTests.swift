import Foundation
import Records
import TestSupport
import Testing
import XAPI

/// The parts every statement is made of: durations, timestamps, the actor and the IRIs.
struct StatementPartsTests {
    @Test(arguments: [
        (0, "PT0S"), (59, "PT59S"), (60, "PT1M"), (840, "PT14M"), (3600, "PT1H"), (3723, "PT1H2M3S"), (-5, "PT0S"),
    ])
    func durations(_ seconds: Int, _ text: String) {
        #expect(ISO8601Duration.text(seconds: seconds) == text)
    }

    @Test(arguments: [
        ("2026-09-15T10:30:00-07:00", "2026-09-15T17:30:00.000Z"),
        ("2026-12-31T20:00:05-08:00", "2027-01-01T04:00:05.000Z"),
        ("2026-09-15T10:30:00+05:30", "2026-09-15T05:00:00.000Z"),
    ])
    func timestampsAreUTCWithMilliseconds(_ recorded: String, _ text: String) throws {
        let timestamp = try #require(Timestamp(recorded))
        #expect(XAPITimestamp.text(timestamp) == text)
    }

    @Test func terminatedIsOneMillisecondLater() throws {
        let timestamp = try #require(Timestamp("2026-09-15T10:30:00Z"))
        #expect(XAPITimestamp.text(timestamp, plusMilliseconds: 1) == "2026-09-15T10:30:00.001Z")
    }

    struct ActorCase: Sendable, CustomTestStringConvertible {
        var name: String
        var trainee: Trainee
        var includesNames: Bool
        var agent: Agent
        var testDescription: String { name }
    }

    static let home = "https://district.example.org"

    @Test(arguments: [
        ActorCase(
            name: "employee id: an account", trainee: Trainee(name: "Ana Ruiz", employeeID: "E-7", email: "ana@example.org"),
            includesNames: false, agent: Agent(account: Account(homePage: home, name: "E-7"))),
        ActorCase(
            name: "email only: mbox", trainee: Trainee(name: "Ana Ruiz", employeeID: " ", email: "ana@example.org"),
            includesNames: false, agent: Agent(mbox: "mailto:ana@example.org")),
        ActorCase(
            name: "name only: an account named by the normalized name", trainee: Trainee(name: "  Ana   RUIZ "),
            includesNames: false, agent: Agent(account: Account(homePage: home, name: "name:ana ruiz"))),
        ActorCase(
            name: "names on request", trainee: Trainee(name: "Ana Ruiz", employeeID: "E-7"), includesNames: true,
            agent: Agent(name: "Ana Ruiz", account: Account(homePage: home, name: "E-7"))),
    ])
    func actors(_ testCase: ActorCase) {
        let policy = ActorPolicy(homePage: URL(string: Self.home)!, includesNames: testCase.includesNames)
        #expect(policy.agent(for: testCase.trainee) == testCase.agent)
    }

    @Test func questionIDsStayOneSegmentOfTheActivityID() {
        let id = ExtensionIRI.activity(["csec-response-protocol", "marin", "questions", "new-phone#0/category"])
        #expect(id == ExtensionIRI.activities + "/csec-response-protocol/marin/questions/new-phone%230%2Fcategory")
        #expect(URL(string: id) != nil)
    }

    @Test func jsonHasSortedKeysAndPlainSlashes() throws {
        let statement = Statement(
            id: StatementID.uuid5("a"), actor: Agent(mbox: "mailto:a@example.org"), verb: .initialized,
            object: Activity(id: "https://example.org/a/b"), timestamp: "2026-09-15T17:30:00.000Z")
        let text = String(decoding: Statement.json([statement]), as: UTF8.self)
        #expect(text.contains("\"https://example.org/a/b\""))
        let keys = ["\"actor\"", "\"id\"", "\"object\"", "\"timestamp\"", "\"verb\"", "\"version\""]
        let positions = keys.compactMap { text.range(of: $0)?.lowerBound }
        #expect(positions.count == keys.count && positions == positions.sorted())
        #expect(try Statement.statements(fromJSON: Statement.json([statement])) == [statement])
    }

    @Test func everyExtensionIsDocumentedUnderItsAnchor() throws {
        let documentation = try String(
            contentsOf: Fixtures.repositoryRoot.appending(path: "docs/xapi.md"), encoding: .utf8)
        for iri in ExtensionIRI.all {
            let anchor = String(iri.split(separator: "#").last ?? "")
            #expect(documentation.contains("<a id=\"\(anchor)\"></a>"), "docs/xapi.md has no anchor \(anchor)")
        }
    }
}

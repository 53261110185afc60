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

    @Test(arguments: [
        (1, "2026-09-15T10:30:00.001Z"), (999, "2026-09-15T10:30:00.999Z"), (1000, "2026-09-15T10:30:01.000Z"),
        (86_400_001, "2026-09-16T10:30:00.001Z"), (-1, "2026-09-15T10:29:59.999Z"),
    ])
    func millisecondsLaterCarryIntoTheSeconds(_ milliseconds: Int, _ text: String) throws {
        let timestamp = try #require(Timestamp("2026-09-15T10:30:00Z"))
        #expect(XAPITimestamp.text(timestamp, plusMilliseconds: milliseconds) == text)
    }

    struct ActorCase: Sendable, CustomTestStringConvertible {
        var name: String
        var trainee: Trainee
        var includesNames: Bool
        var agent: Agent
        var testDescription: String { name }
    }

    static let home = "https://district.example.org"

    static let secret = Data("test secret".utf8)

    @Test(arguments: [
        ActorCase(
            name: "employee id: an account", trainee: Trainee(name: "Ana Ruiz", employeeID: "E-7", email: "ana@example.org"),
            includesNames: false, agent: Agent(account: Account(homePage: home, name: "E-7"))),
        ActorCase(
            // sha1("mailto:ana@example.org"), as Python's hashlib gives it.
            name: "email only: its SHA-1", trainee: Trainee(name: "Ana Ruiz", employeeID: " ", email: "ana@example.org"),
            includesNames: false, agent: Agent(mboxSHA1Sum: "0e5544afbb6be286591577af49b31b0187a46ef0")),
        ActorCase(
            name: "email with names on request: mbox", trainee: Trainee(name: "Ana Ruiz", email: "ana@example.org"),
            includesNames: true, agent: Agent(name: "Ana Ruiz", mbox: "mailto:ana@example.org")),
        ActorCase(
            name: "names on request", trainee: Trainee(name: "Ana Ruiz", employeeID: "E-7"), includesNames: true,
            agent: Agent(name: "Ana Ruiz", account: Account(homePage: home, name: "E-7"))),
    ])
    func actors(_ testCase: ActorCase) {
        let policy = ActorPolicy(
            homePage: URL(string: Self.home)!, includesNames: testCase.includesNames, pseudonymSecret: Self.secret)
        #expect(policy.agent(for: testCase.trainee) == testCase.agent)
    }

    /// A person with neither employee id nor email is named by a pseudonym: the same for the
    /// same person (as the records match people), different for another person or under
    /// another installation's key, and never their name.
    @Test func aPersonWithoutIdOrEmailIsNamedByAPseudonymNotTheirName() throws {
        let policy = ActorPolicy(homePage: URL(string: Self.home)!, pseudonymSecret: Self.secret)
        let ana = try #require(policy.agent(for: Trainee(name: "  Ana   RUIZ ")).account?.name)
        #expect(ana.wholeMatch(of: /person:[0-9a-f]{32}/) != nil)
        #expect(policy.agent(for: Trainee(name: "ana ruiz")).account?.name == ana)
        #expect(policy.agent(for: Trainee(name: "Ana Ruis")).account?.name != ana)
        let elsewhere = ActorPolicy(homePage: URL(string: Self.home)!, pseudonymSecret: Data("another".utf8))
        #expect(elsewhere.agent(for: Trainee(name: "Ana Ruiz")).account?.name != ana)
        let agent = policy.agent(for: Trainee(name: "Ana Ruiz"))
        let json = String(decoding: try JSONEncoder().encode(agent), as: UTF8.self).lowercased()
        #expect(!json.contains("ana") && !json.contains("ruiz"))
        #expect(agent.name == nil && agent.mbox == nil)
    }

    @Test(arguments: ["https://district.example.org", "https://district.example.org/"])
    func theDistrictsAddressIsSpelledOneWay(address: String) {
        let policy = ActorPolicy(homePage: URL(string: address)!, pseudonymSecret: Self.secret)
        #expect(policy.agent(for: Trainee(name: "Ana Ruiz", employeeID: "E-7")).account?.homePage == Self.home)
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

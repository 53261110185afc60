import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import TestSupport
import Testing

/// The test LRS itself: Ralph starts with the APPEND launcher (so a second write is stored, not
/// a 500), checks the Basic user, keeps its data across a restart, and its strict model rejects
/// what the xAPI spec rejects.
@Suite(.serialized, .enabled(if: RalphLRS.runsCases, Comment(rawValue: RalphLRS.skipMessage)))
struct RalphLRSTests {
    @Test func storesTwoWritesAndKeepsThemAcrossARestart() async throws {
        try await RalphLRS.run { lrs in
            let registration = UUID().uuidString.lowercased()
            let first = Self.statement(registration: registration)
            let second = Self.statement(registration: registration)
            #expect(try await Self.post([first], to: lrs, authorization: lrs.authorization) == 200)
            #expect(try await Self.post([second], to: lrs, authorization: lrs.authorization) == 200)
            #expect(try await Self.post([first], to: lrs, authorization: lrs.authorization) == 204)
            lrs.stop()
            #expect(!lrs.isRunning)
            try await lrs.restart()
            let stored = try await lrs.statements(registration: registration)
            let sent = [first, second].compactMap { $0["id"] as? String }
            #expect(Set(stored.compactMap { $0["id"] as? String }) == Set(sent))
        }
    }

    @Test func refusesAWrongPassword() async throws {
        try await RalphLRS.run { lrs in
            let wrong = RalphLRS.basicAuthorization(username: lrs.username, password: "wrong")
            let status = try await Self.post(
                [Self.statement(registration: UUID().uuidString.lowercased())], to: lrs, authorization: wrong)
            #expect(status == 401)
        }
    }

    @Test func strictModelAcceptsAValidStatementAndRejectsABadDuration() throws {
        var statement = Self.statement(registration: UUID().uuidString.lowercased())
        #expect(try RalphLRS.validate(statementsJSON: JSONSerialization.data(withJSONObject: [statement])) == [])
        statement["result"] = ["duration": "14 minutes"]
        let errors = try RalphLRS.validate(statementsJSON: JSONSerialization.data(withJSONObject: [statement]))
        #expect(errors.contains { $0.contains("result.duration") })
    }

    static func statement(registration: String) -> [String: Any] {
        [
            "id": UUID().uuidString.lowercased(),
            "actor": ["objectType": "Agent", "mbox": "mailto:trainee@example.org"],
            "verb": ["id": "http://adlnet.gov/expapi/verbs/initialized", "display": ["en-US": "initialized"]],
            "object": ["objectType": "Activity", "id": "https://example.org/activities/attempt"],
            "context": ["registration": registration],
            "timestamp": "2026-09-15T17:30:00.000Z",
            "version": "1.0.3",
        ]
    }

    static func post(_ statements: [[String: Any]], to lrs: RalphLRS, authorization: String) async throws -> Int {
        var request = HTTPClientRequest(url: lrs.endpoint.appending(path: "statements").absoluteString)
        request.method = .POST
        request.headers.add(name: "Authorization", value: authorization)
        request.headers.add(name: "X-Experience-API-Version", value: "1.0.3")
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(try JSONSerialization.data(withJSONObject: statements))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        _ = try await response.body.collect(upTo: 1 << 20)
        return Int(response.status.code)
    }
}

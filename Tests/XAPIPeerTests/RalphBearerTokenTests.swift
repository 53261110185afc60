import Completion
import Foundation
import LRSDelivery
import Records
import TestSupport
import Testing
import XAPI

/// OAuth 2 bearer tokens against a real LRS (Ralph 5.1.0's `oidc` backend) and a real issuer
/// (oidc-provider-mock 0.3.4): an ID token from the provider's code flow, for the audience Ralph
/// expects, gets every statement stored; a token Ralph cannot validate is a 401 that keeps
/// everything queued, with a message that names the access token.
@Suite(
    .serialized, .enabled(if: RalphLRS.runsCases, Comment(rawValue: RalphLRS.skipMessage)),
    .enabled(if: OpenIDProviderMock.runsCases, Comment(rawValue: OpenIDProviderMock.skipMessage)))
struct RalphBearerTokenTests {
    static let audience = "csec-trainer-lrs"
    static let subject = "lrs-sender"

    static func delivery(_ outbox: StatementOutbox, _ lrs: RalphLRS, _ credentials: LRSCredentials)
        -> StatementDelivery<ContinuousClock>
    {
        let client = LRSClient(endpoint: lrs.endpoint, credentials: credentials, timeoutSeconds: 10)
        return StatementDelivery(outbox: outbox, transport: client, clock: ContinuousClock(), attempts: 1)
    }

    /// Starts the provider (its ID tokens living `tokenLifetime` seconds) and Ralph taking its
    /// tokens for ``audience``.
    static func withPeers(tokenLifetime: Int = 300, _ body: (OpenIDProviderMock, RalphLRS) async throws -> Void)
        async throws
    {
        try await OpenIDProviderMock.run(tokenLifetime: tokenLifetime) { provider in
            try await RalphLRS.run(openID: .init(issuer: provider.issuer, audience: audience)) { lrs in
                try await body(provider, lrs)
            }
        }
    }

    @Test func aValidTokenGetsEveryStatementStoredUnderItsSubject() async throws {
        let data = try PeerRecords.DataDirectory()
        defer { data.remove() }
        try await Self.withPeers { provider, lrs in
            let token = try await ProviderBrowser.idToken(for: Self.subject, clientID: Self.audience, at: provider)
            let tokenFile = data.url.appending(path: "lrs-token")
            try Data("\(token)\n".utf8).write(to: tokenFile)
            let records = try PeerRecords.all()
            let outbox = data.outbox(for: lrs)
            // Half with the token itself (as from the environment), the rest with it read from a file.
            let half = records.count / 2
            for record in records.prefix(half) { #expect(try data.export.enqueue(record, into: outbox)) }
            let first = try await Self.delivery(outbox, lrs, .bearer(token: token)).drain()
            #expect(first.delivered.count == half, "\(first)")
            for record in records.dropFirst(half) { #expect(try data.export.enqueue(record, into: outbox)) }
            let rest = try await Self.delivery(outbox, lrs, .bearerTokenFile(tokenFile)).drain()
            #expect(rest.delivered.count == records.count - half, "\(rest)")
            #expect(rest.stillQueued == 0)
            for record in records {
                let stored = try await lrs.statements(registration: record.id.uuidString.lowercased())
                #expect(stored.count == data.export.statements(of: record).count)
                // Ralph names who stored them: the token's issuer and subject, not the Basic user.
                let authority = try #require(stored.first?["authority"] as? [String: Any])
                #expect(authority["openid"] as? String == "\(provider.issuer)/\(Self.subject)")
            }
        }
    }

    struct BadToken: Sendable, CustomTestStringConvertible {
        let label: String
        let token: @Sendable (OpenIDProviderMock) async throws -> String
        var testDescription: String { label }
    }

    static let badTokens = [
        BadToken(label: "issued for another audience") { provider in
            try await ProviderBrowser.idToken(for: subject, clientID: "another-service", at: provider)
        },
        BadToken(label: "its signature altered") { provider in
            let token = try await ProviderBrowser.idToken(for: subject, clientID: audience, at: provider)
            let parts = token.split(separator: ".")
            return "\(parts[0]).\(parts[1]).\(String(parts[2].reversed()))"
        },
        BadToken(label: "not a JWT") { _ in "0123456789abcdef" },
    ]

    @Test(arguments: badTokens)
    func aTokenRalphCannotValidateKeepsEverythingWithAClearMessage(_ bad: BadToken) async throws {
        let data = try PeerRecords.DataDirectory()
        defer { data.remove() }
        try await Self.withPeers { provider, lrs in
            try await Self.expectRefused(try await bad.token(provider), data: data, lrs: lrs)
        }
    }

    @Test func anExpiredTokenKeepsEverythingWithAClearMessage() async throws {
        let data = try PeerRecords.DataDirectory()
        defer { data.remove() }
        try await Self.withPeers(tokenLifetime: 1) { provider, lrs in
            let token = try await ProviderBrowser.idToken(for: Self.subject, clientID: Self.audience, at: provider)
            let claims = try #require(TokenClaims(token))
            // Past its `exp` (whole seconds) by more than a second: expired, whatever the rounding.
            while Date().timeIntervalSince1970 < claims.expiry + 1.5 { try await Task.sleep(for: .milliseconds(200)) }
            try await Self.expectRefused(token, data: data, lrs: lrs)
        }
    }

    static func expectRefused(_ token: String, data: PeerRecords.DataDirectory, lrs: RalphLRS) async throws {
        let records = try PeerRecords.all()
        let outbox = data.outbox(for: lrs)
        for record in records { #expect(try data.export.enqueue(record, into: outbox)) }
        let report = try await delivery(outbox, lrs, .bearer(token: token)).drain()
        #expect(report.stillQueued == records.count)
        guard case .credentialsRefused(let status, _) = report.stopped else {
            Issue.record("expected refused credentials, got \(report)")
            return
        }
        #expect(status == 401)
        #expect(report.stopped?.description.contains("access token") == true)
        #expect(try await lrs.statements(registration: records[0].id.uuidString.lowercased()).isEmpty)
    }

    /// The `exp` claim of a JWT.
    struct TokenClaims {
        let expiry: TimeInterval

        init?(_ token: String) {
            let parts = token.split(separator: ".")
            guard parts.count == 3 else { return nil }
            var payload = String(parts[1]).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            payload += String(repeating: "=", count: (4 - payload.count % 4) % 4)
            guard let data = Data(base64Encoded: payload),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let expiry = object["exp"] as? Double
            else { return nil }
            self.expiry = expiry
        }
    }
}

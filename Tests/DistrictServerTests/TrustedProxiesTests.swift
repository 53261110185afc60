import Accounts
import DistrictServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Whose address a request is: `X-Forwarded-For` is believed only from a configured proxy, and
/// read from its end, so a client cannot name an address of its choosing.
struct TrustedProxiesTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var trusted: [String]
        var peer: String?
        var forwardedFor: [String]
        var client: String?
        var testDescription: String { name }
    }

    @Test(arguments: [
        Case(name: "no proxy configured", trusted: [], peer: "127.0.0.1", forwardedFor: ["198.51.100.7"], client: nil),
        Case(
            name: "from an untrusted peer", trusted: ["127.0.0.1"], peer: "192.0.2.10", forwardedFor: ["198.51.100.7"],
            client: nil),
        Case(
            name: "the proxy's one hop", trusted: ["127.0.0.1"], peer: "127.0.0.1", forwardedFor: ["198.51.100.7"],
            client: "198.51.100.7"),
        Case(
            name: "a forged first entry", trusted: ["127.0.0.1"], peer: "127.0.0.1",
            forwardedFor: ["203.0.113.9, 198.51.100.7"], client: "198.51.100.7"),
        Case(
            name: "two trusted proxies", trusted: ["127.0.0.1", "10.0.0.2"], peer: "127.0.0.1",
            forwardedFor: ["198.51.100.7", "10.0.0.2"], client: "198.51.100.7"),
        Case(name: "no header", trusted: ["127.0.0.1"], peer: "127.0.0.1", forwardedFor: [], client: nil),
        Case(
            name: "IPv6 written two ways", trusted: ["0:0:0:0:0:0:0:1"], peer: "::1", forwardedFor: ["2001:db8::7"],
            client: "2001:db8::7"),
    ])
    func theClientBehindAProxy(_ example: Case) throws {
        let proxies = try #require(TrustedProxies(example.trusted))
        #expect(proxies.client(peer: example.peer, forwardedFor: example.forwardedFor) == example.client)
    }

    @Test(arguments: ["proxy.district.org", "127.0.0.1:8080", ""])
    func aProxyIsGivenByItsIPAddress(_ address: String) {
        #expect(TrustedProxies([address]) == nil)
    }

    /// Through the server: the forwarded address reaches the audit log only when the
    /// connection comes from the trusted proxy (here the test's own client on 127.0.0.1; see
    /// ReverseProxyTests for a real proxy).
    @Test func aForwardedAddressFromAnUntrustedPeerIsIgnored() async throws {
        let fixture = try await AdministrationFixture(trustedProxies: try #require(TrustedProxies(["127.0.0.1"])))
        defer { fixture.remove() }
        let link = try await fixture.invitationPath()
        try await fixture.liveApplication.test(.live) { client in
            let forwarded = try await client.execute(
                uri: link, method: .get, headers: [HTTPField.Name("X-Forwarded-For")!: "198.51.100.7"])
            #expect(forwarded.status == .seeOther)
        }
        let signIns = try await fixture.auditEvents().filter { $0.action == .signedIn }
        #expect(signIns.map(\.clientAddress) == ["198.51.100.7"])

        let untrusted = try await AdministrationFixture(trustedProxies: try #require(TrustedProxies(["192.0.2.1"])))
        defer { untrusted.remove() }
        let second = try await untrusted.invitationPath()
        try await untrusted.liveApplication.test(.live) { client in
            _ = try await client.execute(uri: second, method: .get, headers: [HTTPField.Name("X-Forwarded-For")!: "198.51.100.7"])
        }
        let direct = try await untrusted.auditEvents().filter { $0.action == .signedIn }
        #expect(direct.map(\.clientAddress) == ["127.0.0.1"], "a client cannot name its own address")
    }
}

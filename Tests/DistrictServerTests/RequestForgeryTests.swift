import Accounts
import DistrictServer
import DistrictTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LocalStore
import Records
import Testing

/// Every state-changing request needs this session's CSRF token and this server's origin; a
/// request without either is refused with 403 and a page that explains, and changes nothing.
@Suite(.serialized)
struct RequestForgeryTests {
    enum Forgery: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case noToken, wrongToken, anotherSitesOrigin, nullOrigin, noOriginNorReferer, anotherSitesReferer

        var testDescription: String { rawValue }

        /// The form's token and the headers, as the forged request sends them.
        func request(token: String) -> (token: String?, origin: String?, referer: String?) {
            switch self {
            case .noToken: (nil, "http://localhost", nil)
            case .wrongToken: (String(token.reversed()), "http://localhost", nil)
            case .anotherSitesOrigin: (token, "https://attacker.example", nil)
            case .nullOrigin: (token, "null", nil)
            case .noOriginNorReferer: (token, nil, nil)
            case .anotherSitesReferer: (token, nil, "https://attacker.example/page")
            }
        }
    }

    static let paths = ["/training/start", "/sign-out"]

    @Test(arguments: Forgery.allCases, paths)
    func aForgedRequestIsRefusedAndChangesNothing(_ forgery: Forgery, path: String) async throws {
        let fixture = try DistrictFixture()
        defer { fixture.remove() }
        let link = await fixture.invitationPath()
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            let start = try await browser.get(link)
            let token = try #require(start.field("csrf_token"))
            let forged = forgery.request(token: token)
            var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            headers[.cookie] = browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            if let origin = forged.origin { headers[.origin] = origin }
            if let referer = forged.referer { headers[.referer] = referer }
            let body = forged.token.map { "csrf_token=\($0)" } ?? ""
            let response = try await client.execute(
                uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
            #expect(response.status == .forbidden)
            #expect(String(buffer: response.body).contains("refused") || String(buffer: response.body).contains("expired"))
            #expect(try fixture.progress.load(for: DistrictFixture.member.attemptKey) == nil, "no attempt was started")
            #expect(await fixture.signIn.openSessions == 1, "still signed in")
            #expect(try await browser.get("/training").path == "/training")
        }
    }

    /// The control: the same requests with the token and from the server's pages go through,
    /// and a same-site Referer stands in for a missing Origin.
    @Test func theServersOwnFormsGoThrough() async throws {
        let fixture = try DistrictFixture()
        defer { fixture.remove() }
        let link = await fixture.invitationPath()
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            let start = try await browser.get(link)
            let token = try #require(start.field("csrf_token"))
            let question = try await browser.post(
                "/training/start", [("csrf_token", token)], headers: [.origin: "http://localhost"])
            #expect(question.path == "/training/question")
            var headers: HTTPFields = [
                .contentType: "application/x-www-form-urlencoded", .referer: "http://localhost/training",
            ]
            headers[.cookie] = browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            let signOut = try await client.execute(
                uri: "/sign-out", method: .post, headers: headers, body: ByteBuffer(string: "csrf_token=\(token)"))
            #expect(signOut.status == .seeOther)
            #expect(await fixture.signIn.openSessions == 0)
        }
    }

    /// Behind a proxy, the origin is the public address, not the Host the proxy sends on.
    @Test func behindAProxyTheOriginIsThePublicAddress() async throws {
        let fixture = try DistrictFixture(publicURL: URL(string: "https://training.example.org/"))
        defer { fixture.remove() }
        let link = await fixture.invitationPath()
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            let start = try await browser.get(link)
            let token = try #require(start.field("csrf_token"))
            let refused = try await browser.post("/training/start", [("csrf_token", token)])
            #expect(refused.status == .forbidden, "http://localhost is not the public origin")
            browser.origin = "https://training.example.org"
            #expect(try await browser.post("/training/start", [("csrf_token", token)]).path == "/training/question")
        }
    }
}

import Accounts
import AsyncHTTPClient
import Briefing
import Completion
import DistrictServer
import DistrictTestSupport
import Foundation
import HTTPTypes
import HummingbirdWSClient
import Logging
import NIOCore
import NIOHTTP1
import Records
import ServiceLifecycle
import SessionServer
import Synchronization
import TestSupport
import Testing

/// A district server with group sessions (the fixture's server, with a ``GroupSessionDesk`` over
/// the same record store and data directory), listening on a loopback port.
struct GroupSessionServer: Sendable {
    let fixture: DistrictFixture
    let desk: GroupSessionDesk
    let address: String
    let client: HTTPClient

    /// Runs `body` against a running server, then stops it and removes its data.
    static func running(_ body: (GroupSessionServer) async throws -> Void) async throws {
        let fixture = try DistrictFixture()
        defer { fixture.remove() }
        let server = fixture.server.offeringGroupSessions(
            dataDirectory: fixture.directory,
            pages: try WebPages(
                directory: Fixtures.repositoryRoot.appending(path: "Web"), contentNote: ContentNote(employeeAssistance: nil)))
        let desk = try #require(server.groupSessions)
        let port = Mutex(0)
        let application = server.application(
            host: "127.0.0.1", port: 0, logger: DistrictFixture.quietLogger,
            onServerRunning: { channel in port.withLock { $0 = channel.localAddress?.port ?? 0 } })
        let group = ServiceGroup(
            configuration: .init(services: [application], gracefulShutdownSignals: [], logger: DistrictFixture.quietLogger))
        let running = Task { try await group.run() }
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(connect: .seconds(2), read: .seconds(30))
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            try await Waiting.forPort { port.withLock { $0 } }
            try await body(
                GroupSessionServer(
                    fixture: fixture, desk: desk, address: "http://127.0.0.1:\(port.withLock { $0 })", client: client))
        } catch {
            await group.triggerGracefulShutdown()
            try? await running.value
            try await client.shutdown()
            throw error
        }
        await group.triggerGracefulShutdown()
        try? await running.value
        try await client.shutdown()
    }

    /// A browser of its own (its own cookies) on this server.
    func browser() -> LiveBrowser { LiveBrowser(http: PlainClient(client: client, address: address)) }

    /// A staff member signed in by an invitation link.
    func signedInStaff(_ member: StaffMember) async throws -> LiveBrowser {
        var browser = browser()
        let link = InvitationLink.pathPrefix + (await fixture.signIn.invite(member, expiresAt: Date().addingTimeInterval(3600)))
        _ = try await browser.send(.GET, link)
        return browser
    }

    /// An administrator signed in with their password.
    func signedInAdministrator(_ name: String) async throws -> LiveBrowser {
        await fixture.signIn.addAdministrator(name: name, password: "correct horse battery staple")
        var browser = browser()
        let form = try await browser.send(.GET, "/admin/sign-in")
        _ = try await browser.send(
            .POST, "/admin/sign-in",
            form: [
                ("csrf_token", form.body.firstField("csrf_token") ?? ""), ("name", name),
                ("password", "correct horse battery staple"),
            ])
        return browser
    }

    /// The session's WebSocket, with `browser`'s cookies and `origin` (the server's own unless
    /// a test says otherwise): sends `sending`, then hands every message received to `receive`,
    /// which returns what to send back, until it returns nil.
    func socket(
        as browser: LiveBrowser, origin: String? = nil, sending: [String],
        receive: @escaping @Sendable ([String: Any]) async -> [String]?
    ) async throws -> [String] {
        var headers: HTTPFields = [.origin: origin ?? address]
        if !browser.cookieHeader.isEmpty { headers[.cookie] = browser.cookieHeader }
        let received = Mutex<[String]>([])
        let url = address.replacing("http://", with: "ws://") + "/group/ws"
        try await WebSocketClient.connect(
            url: url, configuration: .init(additionalHeaders: headers), logger: DistrictFixture.quietLogger
        ) { inbound, outbound, _ in
            for message in sending { try await outbound.write(.text(message)) }
            for try await frame in inbound.messages(maxSize: 1 << 20) {
                guard case .text(let text) = frame else { continue }
                received.withLock { $0.append(text) }
                let message = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
                guard let replies = await receive(message) else { return }
                for reply in replies { try await outbound.write(.text(reply)) }
            }
        }
        return received.withLock { $0 }
    }
}

/// A browser over a real connection: its own cookies, forms posted with the server's `Origin`,
/// no redirect followed.
struct LiveBrowser: Sendable {
    let http: PlainClient
    private(set) var cookies: [String: String] = [:]

    init(http: PlainClient) {
        self.http = http
    }

    var cookieHeader: String { cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }

    /// Sends a request (a form when `form` is given) and keeps the cookies it sets.
    mutating func send(_ method: HTTPMethod, _ path: String, form: [(String, String)]? = nil) async throws
        -> PlainClient.Reply
    {
        let body = form.map { $0.map { "\(PlainClient.encoded($0.0))=\(PlainClient.encoded($0.1))" }.joined(separator: "&") }
        let reply = try await http.send(method, path, cookie: cookies.isEmpty ? nil : cookieHeader, form: body)
        for line in reply.headers["set-cookie"] {
            let pair = line.split(separator: ";").first.map(String.init) ?? ""
            guard let equals = pair.firstIndex(of: "=") else { continue }
            let value = String(pair[pair.index(after: equals)...])
            cookies[String(pair[..<equals])] = value.isEmpty || line.contains("Max-Age=0") ? nil : value
        }
        return reply
    }

    /// Posts a form of the page at `page` (a GET first, for its CSRF token).
    mutating func submit(_ path: String, from page: String, _ fields: [(String, String)]) async throws -> PlainClient.Reply {
        let form = try await send(.GET, page)
        return try await send(.POST, path, form: [("csrf_token", form.body.firstField("csrf_token") ?? "")] + fields)
    }
}

extension String {
    /// The first link's address that starts with `prefix`.
    func firstLink(startingWith prefix: String) -> String? {
        guard let start = range(of: #"href="\#(prefix)"#)?.lowerBound else { return nil }
        let address = self[index(start, offsetBy: 6)...]
        return address.firstIndex(of: "\"").map { String(address[..<$0]) }
    }

    /// The text of the element with `id` (no nested elements).
    func element(_ id: String) -> String? {
        guard let open = range(of: #"id="\#(id)""#)?.upperBound, let start = self[open...].firstIndex(of: ">"),
            let end = self[start...].firstIndex(of: "<")
        else { return nil }
        return String(self[index(after: start)..<end])
    }
}

import Accounts
import Briefing
import Completion
import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOPosix
import ProtocolEngine
import Records
import ServiceLifecycle
import SessionServer
import Training
import UnixSignals

/// The district server: staff sign in (an invitation link, the district's OpenID provider) and
/// take the self-paced training in the browser, on the same application layer as the terminal's
/// `train`; administrators sign in with a password. Pages are plain HTML forms (POST, redirect,
/// GET) that work without scripts.
///
/// Every state-changing request must come from the server's own pages (``AllowedOrigin``) and
/// carry the session's CSRF token; every answer is saved before its feedback page is sent.
public struct DistrictServer: Sendable {
    /// The application layer's self-paced training, its records marked as web attempts.
    public let training: SelfPacedTraining
    /// The installation's one county protocol.
    public let jurisdiction: JurisdictionProtocol
    public let length: SessionLength
    public let contentNote: ContentNote
    public let briefing: Briefing?
    public let certificates: CertificateIssuer
    public let signIn: any SignInService
    public let methods: SignInMethods
    public let origin: AllowedOrigin
    /// The address staff open (`--public-url`), which the sign-in links of reminders start with;
    /// nil: the scheme the server speaks and the request's `Host`.
    public let publicURL: URL?
    public let limits: ConnectionLimits
    public let tls: SessionTLS?
    /// The district's accounts, for the administrators' area (the staff roster, the audit log);
    /// nil: the area has only the records.
    public let accounts: DistrictAccounts?
    /// The reverse proxies whose `X-Forwarded-For` names the client.
    public let trustedProxies: TrustedProxies
    let turns = TraineeTurns()
    /// The threads that wait on the disk for the requests (an answer saved and flushed before its
    /// feedback), so that the few threads serving requests never wait on it themselves.
    public let diskThreads: NIOThreadPool
    /// The group sessions an administrator runs from the browser (nil: not offered).
    public var groupSessions: GroupSessionDesk?
    /// Whether a person's first attempt is offered a short pre-test before the briefing and the training.
    public var offersPreTest = false

    public init(
        training: SelfPacedTraining, jurisdiction: JurisdictionProtocol, length: SessionLength = .course,
        contentNote: ContentNote, briefing: Briefing?, certificates: CertificateIssuer, signIn: any SignInService,
        methods: SignInMethods = .invitationsAndPasswords, publicURL: URL? = nil, limits: ConnectionLimits = .init(),
        tls: SessionTLS? = nil, accounts: DistrictAccounts? = nil, trustedProxies: TrustedProxies = .noProxies,
        diskThreads: NIOThreadPool = .singleton
    ) {
        var training = training
        training.mode = .selfPacedWeb
        self.training = training
        self.jurisdiction = jurisdiction
        self.length = length
        self.contentNote = contentNote
        self.briefing = briefing
        self.certificates = certificates
        self.signIn = signIn
        self.methods = methods
        self.origin = AllowedOrigin(publicURL: publicURL, servesTLS: tls != nil)
        self.publicURL = publicURL
        self.limits = limits
        self.tls = tls
        self.accounts = accounts
        self.trustedProxies = trustedProxies
        self.diskThreads = diskThreads
    }

    public var cookies: CookiePolicy { CookiePolicy(secure: origin.isSecure) }

    public var now: @Sendable () -> Date { training.clock.now }

    /// Every route, behind the middleware that takes the client's address from a trusted proxy,
    /// logs, adds the security headers, refuses requests from other sites, finds the session and
    /// checks the CSRF token, in that order.
    /// `moreRoutes` adds routes of other sign-in methods (the OpenID sign-in's start and
    /// callback), behind the same middleware; they sign people in with ``signedIn(_:by:then:context:)``.
    public func router(
        moreRoutes: (Router<DistrictRequestContext>) -> Void = { _ in }
    ) -> Router<DistrictRequestContext> {
        let router = Router(context: DistrictRequestContext.self)
        router.add(middleware: ForwardedClientMiddleware(trusted: trustedProxies))
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: SecurityHeadersMiddleware(strictTransportSecurity: origin.isSecure))
        router.add(middleware: OriginCheckMiddleware(allowed: origin))
        router.add(middleware: SessionCookieMiddleware(signIn: signIn, cookies: cookies, now: now))
        router.add(middleware: CSRFMiddleware(cookies: cookies))
        router.get("/healthz") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: .init(string: "ok\n")))
        }
        router.get(RouterPath(StyleSheet.path)) { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: .init(string: StyleSheet.css)))
        }
        addSignInRoutes(to: router)
        addTrainingRoutes(to: router)
        addPreTestRoutes(to: router)
        addRecordRoutes(to: router)
        addAdministrationRoutes(to: router)
        addDashboardRoutes(to: router)
        addItemAnalysisRoutes(to: router)
        addRefresherRoutes(to: router)
        addGroupSessionRoutes(to: router)
        moreRoutes(router)
        return router
    }

    /// The application, listening on `host:port` (port 0: any free port), behind the session
    /// server's connection guard (the cap on open connections, the request-header timeout) and
    /// TLS when the server has it, with `moreRoutes` (see ``router(moreRoutes:)``).
    /// `onServerRunning` is told the listening channel (its port).
    public func application(
        host: String, port: Int, logger: Logger, moreRoutes: (Router<DistrictRequestContext>) -> Void = { _ in },
        onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(moreRoutes: moreRoutes), server: serverBuilder(),
            configuration: .init(address: .hostname(host, port: port), serverName: "csec-trainer"),
            onServerRunning: onServerRunning, logger: logger)
    }

    private func serverBuilder() -> HTTPServerBuilder {
        let connections = OpenConnections(limit: limits.maxConnections)
        let (requestHeaderTimeout, tls) = (limits.requestHeaderTimeout, tls)
        // HTTP/1.1, and the group session's WebSocket (``groupSessionSocketRouter()``).
        let webSocketResponder = groupSessionSocketRouter().buildResponder()
        let configuration = HTTP1WebSocketUpgradeChannel.Configuration(
            http1: .init(idleTimeout: .nanoseconds(Int64(limits.keepAliveTimeout / .nanoseconds(1)))),
            ws: .init(maxFrameSize: SessionServer.maxMessageBytes, autoPing: .enabled(timePeriod: limits.pingInterval)))
        return HTTPServerBuilder { responder in
            let guarded = GuardedChannel(
                base: HTTP1WebSocketUpgradeChannel(
                    responder: responder, webSocketResponder: webSocketResponder, configuration: configuration),
                connections: connections, requestHeaderTimeout: requestHeaderTimeout)
            guard let tls else { return guarded }
            return try TLSChannel(guarded, tlsConfiguration: tls.configuration)
        }
    }

    /// Runs `application` until SIGTERM or SIGINT, then shuts down gracefully: no new
    /// connection is accepted, and every request in flight (an answer being saved) completes
    /// and gets its response before the process ends.
    public static func run(_ application: some ApplicationProtocol, logger: Logger) async throws {
        let group = ServiceGroup(
            configuration: .init(
                services: [application], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}

import Foundation
import GroupSessions
import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import HummingbirdWebSocket
import Logging
import NIOCore
import ServiceLifecycle

/// The session's web server: the participant page (`/`), the projector view (`/present`) and the
/// WebSocket (`/ws`) through which both follow the room. Messages are JSON text frames of at most
/// ``maxMessageBytes``; a larger one closes that connection, never the server. The WebSocket
/// opens only for the session's own pages (``WebSocketOrigin``). Idle and half-open
/// connections are closed, and open connections capped, by ``ConnectionLimits``; with ``tls``
/// it serves HTTPS and WSS only.
public struct SessionServer: Sendable {
    public static let maxMessageBytes = 16_384

    public let room: SessionRoom
    public let pages: WebPages
    public let limits: ConnectionLimits
    public let tls: SessionTLS?

    public init(room: SessionRoom, pages: WebPages, limits: ConnectionLimits = .init(), tls: SessionTLS? = nil) {
        self.room = room
        self.pages = pages
        self.limits = limits
        self.tls = tls
    }

    /// The application, listening on `host:port` (port 0: any free port). Its log says only
    /// what stops the server, unless `logger` says more.
    /// `eventLoops`: the threads that serve connections (tests that depend on the order in which
    /// connections are accepted use one).
    public func application(
        host: String, port: Int, logger: Logger = Self.quietLogger, eventLoops: EventLoopGroupProvider = .singleton
    ) -> some ApplicationProtocol {
        let router = Router(context: SessionRequestContext.self)
        for (path, page) in pages.pages {
            router.get(RouterPath(path)) { _, _ in Self.response(page) }
        }
        let room = self.room
        router.ws("/ws") { request, _ in
            // Only the session's own pages (see ``WebSocketOrigin``).
            WebSocketOrigin.allows(origins: request.headers[values: .origin], host: request.head.authority)
                ? .upgrade() : .dontUpgrade
        } onUpgrade: { inbound, outbound, context in
            try await Self.serve(
                room: room, address: context.requestContext.remoteAddress?.ipAddress, inbound: inbound, outbound: outbound)
        }
        return Application(
            router: router, server: serverBuilder(webSocketRouter: router),
            configuration: .init(address: .hostname(host, port: port), serverName: "csec-trainer"),
            eventLoopGroupProvider: eventLoops, logger: logger)
    }

    /// HTTP/1.1 with the WebSocket upgrade, behind a ``ConnectionGuard`` (and TLS, with ``tls``).
    private func serverBuilder(webSocketRouter: Router<SessionRequestContext>) -> HTTPServerBuilder {
        let webSocketResponder = webSocketRouter.buildResponder()
        let configuration = HTTP1WebSocketUpgradeChannel.Configuration(
            http1: .init(idleTimeout: .nanoseconds(Int64(limits.keepAliveTimeout / .nanoseconds(1)))),
            ws: .init(maxFrameSize: Self.maxMessageBytes, autoPing: .enabled(timePeriod: limits.pingInterval)))
        let connections = OpenConnections(limit: limits.maxConnections)
        let (requestHeaderTimeout, tls) = (limits.requestHeaderTimeout, tls)
        return HTTPServerBuilder { responder in
            let guarded = GuardedChannel(
                base: HTTP1WebSocketUpgradeChannel(
                    responder: responder, webSocketResponder: webSocketResponder, configuration: configuration),
                connections: connections, requestHeaderTimeout: requestHeaderTimeout)
            guard let tls else { return guarded }
            return try TLSChannel(guarded, tlsConfiguration: tls.configuration)
        }
    }

    /// Only what stops the server: a connection the server closes (idle, over the cap, a page
    /// gone) is not news for the facilitator's terminal, though Hummingbird logs some of those
    /// as errors.
    public static var quietLogger: Logger {
        var logger = Logger(label: "csec-trainer.session")
        logger.logLevel = .critical
        return logger
    }

    /// Runs `application` until ``Running/stop()``: a graceful shutdown that lets open
    /// connections close.
    public static func start(_ application: some ApplicationProtocol) -> Running {
        let group = ServiceGroup(
            configuration: .init(services: [application], gracefulShutdownSignals: [], logger: quietLogger))
        return Running(group: group, task: Task { try await group.run() })
    }

    public struct Running: Sendable {
        let group: ServiceGroup
        let task: Task<Void, any Error>

        public func stop() async {
            await group.triggerGracefulShutdown()
            _ = try? await task.value
        }
    }

    /// One page's connection: messages from the room go out, messages from the page go to the
    /// room, as its `role` admits them (``PageRole``), until either side ends it.
    public static func serve(
        room: SessionRoom, address: String?, role: PageRole = .anyone, inbound: WebSocketInboundStream,
        outbound: WebSocketOutboundWriter
    ) async throws {
        let (id, messages) = await room.connect(from: address)
        enum Side { case room, page }
        try await withThrowingTaskGroup(of: Side.self) { group in
            group.addTask {
                for await text in messages { try await outbound.write(.text(text)) }
                return .room
            }
            group.addTask {
                for try await frame in inbound.messages(maxSize: maxMessageBytes) {
                    guard case .text(let text) = frame,
                        let message = try? JSONDecoder().decode(ClientMessage.self, from: Data(text.utf8))
                    else {
                        await room.receivedJunk(from: id)
                        continue
                    }
                    switch role.admit(message) {
                    case .success(let admitted): await room.receive(admitted, from: id)
                    case .failure(let refusal): await room.refuse(refusal, to: id)
                    }
                    if await !room.isConnected(id) { return .page }
                }
                return .page
            }
            if try await group.next() == .page {
                // The page left, or the room closed it: send what is queued, then stop.
                await room.disconnect(id)
                try await group.waitForAll()
            } else {
                group.cancelAll()
            }
        }
        await room.disconnect(id)
    }

    /// Only the server's own scripts, styles, images and socket; no page may frame these, change
    /// their base address, or send a form elsewhere.
    public static let contentSecurityPolicy =
        "default-src 'self'; connect-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

    private static func response(_ page: WebPages.Page) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: page.contentType, .cacheControl: "no-store",
                HTTPField.Name("X-Content-Type-Options")!: "nosniff",
                HTTPField.Name("Content-Security-Policy")!: contentSecurityPolicy,
                // No address of the session (nor the projector's) is sent on to another site.
                HTTPField.Name("Referrer-Policy")!: "no-referrer",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: page.bytes)))
    }
}

import Accounts
import Hummingbird
import HummingbirdWebSocket
import NIOCore
import SessionServer

/// The request context of the group session's WebSocket: WebSocket-capable, with the device's
/// address (wrong join codes are paced per address).
public struct GroupSessionSocketContext: RequestContext, WebSocketRequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let webSocket: WebSocketHandlerReference<Self>
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        webSocket = .init()
        remoteAddress = source.channel.remoteAddress
    }
}

extension DistrictServer {
    /// The path of the group session's WebSocket.
    static let groupSessionSocketPath = GroupSessionDesk.prefix + "/ws"

    /// The WebSocket of the running group session, at `/group/ws`. It opens only for this
    /// server's own pages (``allowsSocket(from:host:)``) and for a signed-in person: a staff
    /// member's page joins as that person (``SessionServer/PageRole/participant(_:)``), an
    /// administrator's is the projector view. Anyone else, or no session running: the socket does
    /// not open.
    func groupSessionSocketRouter() -> Router<GroupSessionSocketContext> {
        let router = Router(context: GroupSessionSocketContext.self)
        router.ws(RouterPath(Self.groupSessionSocketPath)) { request, _ in
            guard allowsSocket(from: request.headers[values: .origin], host: request.head.authority),
                await groupSessionPeer(request) != nil
            else { return .dontUpgrade }
            return .upgrade()
        } onUpgrade: { inbound, outbound, context in
            // Looked up again: the handshake's answer and this are two steps.
            guard let peer = await groupSessionPeer(context.request) else { return }
            try await SessionServer.serve(
                room: peer.room, address: context.requestContext.remoteAddress?.ipAddress, role: peer.role,
                inbound: inbound, outbound: outbound)
        }
        return router
    }

    /// Whether a handshake with these `Origin` values, sent to `host`, may open the socket: each
    /// must be this server's own origin (``AllowedOrigin``: a page of another site, `null`
    /// included, is refused), or a `ws:`/`wss:` one, which no browser sends and WebSocket client
    /// programs do (as do handshakes without `Origin`); a program still needs a sign-in's cookie.
    func allowsSocket(from origins: [String], host: String?) -> Bool {
        origins.allSatisfy { value in
            let lowercased = value.lowercased()
            return lowercased.hasPrefix("ws://") || lowercased.hasPrefix("wss://")
                || origin.allows(origin: value, referer: nil, host: host)
        }
    }

    /// The running session's room and what the page of this request may do in it, by who its
    /// cookie signs in; nil for anyone not signed in, or when no session runs.
    private func groupSessionPeer(_ request: Request) async -> (room: SessionRoom, role: PageRole)? {
        guard let desk = groupSessions, let room = await desk.room,
            let token = request.cookies[cookies.sessionCookieName]?.value, !token.isEmpty
        else { return nil }
        let session: WebSession?
        do throws(AccountError) {
            session = try await signIn.session(cookieToken: token, now: now())
        } catch {
            return nil
        }
        switch session?.person {
        case .staff(let member)?:
            guard let identity = await desk.participant(member) else { return nil }
            return (room, .participant(identity))
        case .administrator?: return (room, .projector)
        case nil: return nil
        }
    }
}

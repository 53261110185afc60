import Hummingbird
import HummingbirdWebSocket
import NIOCore

/// The request context of the session server: a WebSocket-capable context that also knows the
/// device's address, so that wrong join codes can be limited per device.
struct SessionRequestContext: RequestContext, WebSocketRequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    let webSocket: WebSocketHandlerReference<Self>
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        webSocket = .init()
        remoteAddress = source.channel.remoteAddress
    }
}

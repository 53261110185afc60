import HummingbirdCore
import Logging
import NIOCore

/// The first handler of every connection (after TLS, when the server has it): it counts the
/// connection among the ``OpenConnections`` (closing the oldest one without a request when the
/// cap is reached), and closes the connection when no complete request head has arrived within
/// the request-header timeout. It watches the bytes only until the first request head ends
/// (a blank line); after that, Hummingbird's keep-alive timeout and the WebSocket pings take over.
final class ConnectionGuard: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let connections: OpenConnections
    private let requestHeaderTimeout: TimeAmount
    private var number: UInt64?
    private var deadline: Scheduled<Void>?
    private var sentRequest = false
    /// The last four bytes read, to find the blank line that ends a request head across reads.
    private var lastBytes: UInt32 = 0

    init(connections: OpenConnections, requestHeaderTimeout: Duration) {
        self.connections = connections
        self.requestHeaderTimeout = .nanoseconds(Int64(requestHeaderTimeout / .nanoseconds(1)))
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { admit(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        admit(context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if !sentRequest, let number {
            for byte in unwrapInboundIn(data).readableBytesView where endsHead(after: byte) {
                sentRequest = true
                deadline?.cancel()
                connections.sentRequest(number)
                break
            }
        }
        context.fireChannelRead(data)
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        if let number { connections.closed(number) }
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
    }

    private func admit(_ context: ChannelHandlerContext) {
        guard number == nil else { return }
        switch connections.opened(context.channel) {
        case .refused:
            context.close(promise: nil)
        case .admitted(let number, let evicting):
            self.number = number
            evicting?.close(promise: nil)
            let channel = context.channel
            deadline = context.eventLoop.scheduleTask(in: requestHeaderTimeout) { channel.close(promise: nil) }
        }
    }

    /// Whether `byte` ends a request head: CR LF CR LF, or LF LF (which HTTP parsers accept too).
    private func endsHead(after byte: UInt8) -> Bool {
        lastBytes = lastBytes << 8 | UInt32(byte)
        return lastBytes == 0x0D0A_0D0A || lastBytes & 0xFFFF == 0x0A0A
    }
}

/// A server child channel with a ``ConnectionGuard`` before `base`'s own handlers: the session
/// server's and the district server's.
public struct GuardedChannel<Base: ServerChildChannel>: ServerChildChannel {
    public typealias Value = Base.Value

    let base: Base
    let connections: OpenConnections
    let requestHeaderTimeout: Duration

    public init(base: Base, connections: OpenConnections, requestHeaderTimeout: Duration) {
        self.base = base
        self.connections = connections
        self.requestHeaderTimeout = requestHeaderTimeout
    }

    public func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(
                ConnectionGuard(connections: connections, requestHeaderTimeout: requestHeaderTimeout))
        }.flatMap {
            base.setup(channel: channel, logger: logger)
        }
    }

    public func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}

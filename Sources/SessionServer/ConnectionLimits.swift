/// How long a connection may stay silent, and how many may be open, so that idle and half-open
/// connections (a phone that left the room's Wi-Fi, a program holding thousands of sockets) cannot
/// fill the server and keep a new device from loading the page and joining.
///
/// - A connection that has not sent a complete request head within ``requestHeaderTimeout`` of
///   opening is closed.
/// - Between requests, an HTTP connection kept alive is closed after ``keepAliveTimeout`` without
///   one.
/// - The server pings every WebSocket every ``pingInterval``; a page that has not answered a
///   ping by the next one is disconnected, and the room frees its place.
/// - At most ``maxConnections`` are open at once. When a new one would go past it, the oldest
///   connection that has not yet sent a complete request is closed to make room; when every
///   open connection has sent one, the new connection is closed instead.
public struct ConnectionLimits: Sendable, Equatable {
    public static let defaultRequestHeaderTimeout: Duration = .seconds(10)
    public static let defaultKeepAliveTimeout: Duration = .seconds(30)
    public static let defaultPingInterval: Duration = .seconds(20)
    /// The cap on open connections is never below this.
    public static let minimumMaxConnections = 4_096
    /// The cap is at least this many connections per place in the session: each participant's
    /// page and its socket, a reload, and room to spare.
    public static let connectionsPerPlace = 4
    /// Open files kept for other uses than connections (the content, the records, the log) when
    /// the cap is fitted to the process's limit on open files.
    public static let filesKeptFree = 256

    public var requestHeaderTimeout: Duration
    public var keepAliveTimeout: Duration
    public var pingInterval: Duration
    public var maxConnections: Int

    public init(
        requestHeaderTimeout: Duration = defaultRequestHeaderTimeout, keepAliveTimeout: Duration = defaultKeepAliveTimeout,
        pingInterval: Duration = defaultPingInterval, maxConnections: Int = minimumMaxConnections
    ) {
        self.requestHeaderTimeout = requestHeaderTimeout
        self.keepAliveTimeout = keepAliveTimeout
        self.pingInterval = pingInterval
        self.maxConnections = maxConnections
    }

    /// The default limits for a session of `capacity` places: a cap of ``connectionsPerPlace``
    /// connections a place, at least ``minimumMaxConnections``, and at most the process's limit
    /// on open files less ``filesKeptFree``, when one is given.
    public init(capacity: Int, openFileLimit: Int? = nil) {
        var cap = max(Self.minimumMaxConnections, Self.connectionsPerPlace * capacity)
        if let openFileLimit { cap = min(cap, max(1, openFileLimit - Self.filesKeptFree)) }
        self.init(maxConnections: cap)
    }
}

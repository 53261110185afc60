/// Which pages may open the session's WebSocket: only the session's own, so that a page on
/// another site, open in a participant's or the projector's browser, can neither watch the room
/// nor join it.
///
/// A browser always sends `Origin` on a WebSocket handshake, and it is the page's own scheme,
/// host and port (`http://192.168.1.20:8080`), or `null` for a page without one (a file, a
/// sandboxed frame). The handshake is allowed when every `Origin` it carries is `http` or `https`
/// with exactly the host and port the request was sent to (its `Host`). A handshake without
/// `Origin`, or with a `ws:`/`wss:` one, comes from a program, not a page (no browser sends
/// those; client libraries send the socket's own URL): it is allowed, since a program can send
/// any `Origin` it likes and still needs the join code, a token or a key for anything it does.
enum WebSocketOrigin {
    /// Whether a handshake with these `Origin` values, sent to `host` (the request's `Host`:
    /// host and port as the browser wrote them), may open the WebSocket.
    static func allows(origins: [String], host: String?) -> Bool {
        origins.allSatisfy { isAllowed($0.lowercased(), host: host?.lowercased()) }
    }

    private static func isAllowed(_ origin: String, host: String?) -> Bool {
        if origin.hasPrefix("ws://") || origin.hasPrefix("wss://") { return true }
        guard let host, !host.isEmpty else { return false }
        return origin == "http://\(host)" || origin == "https://\(host)"
    }
}

/// Where a server listens, as `--bind` gives it: "127.0.0.1:8080", "0.0.0.0:9000", "[::1]:8080"
/// (an IPv6 address in brackets), or "localhost:8080".
public struct BindAddress: Sendable, Equatable {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    public init?(argument: String) {
        guard let colon = argument.lastIndex(of: ":"), let port = Int(argument[argument.index(after: colon)...]),
            (1...65_535).contains(port)
        else { return nil }
        var host = String(argument[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") {
            host = String(host.dropFirst().dropLast())
        } else if host.contains(":") {
            return nil  // an IPv6 address needs brackets: "[::1]:8080"
        }
        guard !host.isEmpty else { return nil }
        self.host = host
        self.port = port
    }

    /// Listening on every interface ("0.0.0.0" or "::"): devices use this machine's own addresses.
    public var isEveryInterface: Bool { host == "0.0.0.0" || host == "::" }

    /// The host as a URL writes it: IPv6 addresses in brackets.
    public var urlHost: String { host.contains(":") ? "[\(host)]" : host }

    /// Whether only this machine can reach the server (nothing crosses the network).
    public var isLoopback: Bool { host == "localhost" || host.hasPrefix("127.") || host == "::1" }

    /// The addresses devices open, over https when `secure`: this machine's own when listening
    /// on every interface (a placeholder when it has none but loopback), else the address
    /// listened on.
    public func joinAddresses(secure: Bool) -> [String] {
        let scheme = secure ? "https" : "http"
        guard isEveryInterface else { return ["\(scheme)://\(urlHost):\(port)/"] }
        let found = LocalAddresses.ipv4().map { "\(scheme)://\($0):\(port)/" }
        return found.isEmpty ? ["\(scheme)://<this machine's address>:\(port)/"] : found
    }
}

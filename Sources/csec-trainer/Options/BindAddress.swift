import ArgumentParser

/// Where a server listens, as `--bind` gives it: "127.0.0.1:8080", "0.0.0.0:9000", "[::1]:8080"
/// (an IPv6 address in brackets), or "localhost:8080".
struct BindAddress: ExpressibleByArgument, Equatable {
    var host: String
    var port: Int

    init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    init?(argument: String) {
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
    var isEveryInterface: Bool { host == "0.0.0.0" || host == "::" }

    /// The host as a URL writes it: IPv6 addresses in brackets.
    var urlHost: String { host.contains(":") ? "[\(host)]" : host }

    static var defaultValueDescription: String { "127.0.0.1:8080" }
}

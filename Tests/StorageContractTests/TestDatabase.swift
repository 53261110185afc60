import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The PostgreSQL server the contract tests use: `CSEC_TRAINER_TEST_DATABASE`, else the address
/// `scripts/test-database.sh start` (run by `scripts/setup.sh --tests`) wrote in
/// `$XDG_CACHE_HOME/csec-trainer/test-database-url`. Each test makes a schema of its own there.
enum TestDatabase {
    static let environment = ProcessInfo.processInfo.environment

    static let address: String? = {
        if let address = environment["CSEC_TRAINER_TEST_DATABASE"], !address.isEmpty { return address }
        let cache =
            environment["XDG_CACHE_HOME"].map { URL(filePath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appending(path: ".cache")
        let file = cache.appending(path: "csec-trainer/test-database-url")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        let address = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return address.isEmpty ? nil : address
    }()

    static var isCI: Bool { environment["CI"] != nil }

    /// Whether the server accepts TCP connections (checked once, in a second at most).
    static let isReachable: Bool = {
        guard let address, let components = URLComponents(string: address), let host = components.host else { return false }
        return canConnect(host: host, port: components.port ?? 5432)
    }()

    /// Run the PostgreSQL cases when the server is there, and always in CI (where they fail
    /// when it is not).
    static var runsPostgresCases: Bool { isReachable || isCI }

    static let skipMessage =
        "PostgreSQL is not reachable: the contract suite runs on the signed files only. Run scripts/setup.sh --tests "
        + "(it starts a private cluster) or set CSEC_TRAINER_TEST_DATABASE=postgres://…"

    private static func canConnect(host: String, port: Int) -> Bool {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &found) == 0, let info = found else { return false }
        defer { freeaddrinfo(found) }
        let socket = Glibc.socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
        guard socket >= 0 else { return false }
        defer { close(socket) }
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return connect(socket, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0
    }
}

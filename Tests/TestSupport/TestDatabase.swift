import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The PostgreSQL server the contract tests use: `CSEC_TRAINER_TEST_DATABASE`, else the address
/// `scripts/test-database.sh start` (run by `scripts/setup.sh --tests`) wrote in
/// `$XDG_CACHE_HOME/csec-trainer/test-database-url`. Each test makes a schema or a database of
/// its own there.
public enum TestDatabase {
    static let environment = ProcessInfo.processInfo.environment

    public static let address: String? = {
        if let address = environment["CSEC_TRAINER_TEST_DATABASE"], !address.isEmpty { return address }
        let cache =
            environment["XDG_CACHE_HOME"].map { URL(filePath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appending(path: ".cache")
        let file = cache.appending(path: "csec-trainer/test-database-url")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        let address = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return address.isEmpty ? nil : address
    }()

    public static var isCI: Bool { environment["CI"] != nil }

    /// Whether the server accepts TCP connections (checked once, in a second at most).
    public static let isReachable: Bool = {
        guard let address, let components = URLComponents(string: address), let host = components.host else { return false }
        return canConnect(host: host, port: components.port ?? 5432)
    }()

    /// Run the PostgreSQL cases when the server is there, and always in CI (where they fail
    /// when it is not).
    public static var runsPostgresCases: Bool { isReachable || isCI }

    public static let skipMessage =
        "PostgreSQL is not reachable: the contract suite runs on the signed files only. Run scripts/setup.sh --tests "
        + "(it starts a private cluster) or set CSEC_TRAINER_TEST_DATABASE=postgres://…"

    /// A new empty database on the server, made with `psql`; its address. Drop it with
    /// ``dropDatabase(_:)``.
    public static func makeDatabase() throws -> String {
        guard let server = address, var components = URLComponents(string: server) else { throw Unavailable() }
        let name = "csec_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try psql(server, "CREATE DATABASE \(name)")
        components.path = "/" + name
        return components.string ?? server
    }

    /// Drops a database ``makeDatabase()`` made.
    public static func dropDatabase(_ address: String) {
        guard let server = Self.address, let name = URLComponents(string: address)?.path.dropFirst() else { return }
        try? psql(server, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    private static func psql(_ server: String, _ command: String) throws {
        guard let psql = Program.locate("psql") else { throw Unavailable() }
        let result = try Program.run(psql, [server, "-qc", command])
        guard result.status == 0 else { throw Unavailable() }
    }

    struct Unavailable: Error, CustomStringConvertible {
        var description: String { TestDatabase.skipMessage }
    }

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

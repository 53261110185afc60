import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real OpenID provider for the sign-in tests: PyPI's `oidc-provider-mock`, run as its own
/// process on a free loopback port (`python3 -m oidc_provider_mock`). Any client ID and secret
/// are accepted; the authorization step is a form, posted to the authorization URL with the
/// subject to sign in as (`sub`), or `action=deny`. Its issuer is its address as the request
/// names it (`http://127.0.0.1:PORT`). `scripts/setup.sh --tests` installs it, where Python
/// finds it or in ``packageDirectory``.
public final class OpenIDProviderMock: Sendable {
    /// `http://127.0.0.1:PORT`, the issuer.
    public let issuer: String
    public let port: Int
    private let process: Process
    private let log: URL

    /// Where `scripts/setup.sh --tests` puts PyPI packages when the system's Python may not
    /// install them (PEP 668): `$XDG_CACHE_HOME/csec-trainer/python` (default `~/.cache/…`).
    public static var packageDirectory: URL {
        let environment = ProcessInfo.processInfo.environment
        let cache =
            environment["XDG_CACHE_HOME"].map { URL(filePath: $0) }
            ?? URL(filePath: environment["HOME"] ?? NSTemporaryDirectory()).appending(path: ".cache")
        return cache.appending(path: "csec-trainer/python")
    }

    /// The Python that imports `oidc_provider_mock` (python3 on the PATH, then Debian's
    /// /usr/bin/python3, each also looking in ``packageDirectory``); nil when none does.
    public static let python: URL? = {
        let candidates = [Program.locate("python3"), URL(filePath: "/usr/bin/python3")].compactMap { $0 }
        return candidates.first { python in
            guard FileManager.default.isExecutableFile(atPath: python.path) else { return false }
            let result = try? Program.run(python, ["-c", "import oidc_provider_mock"], environment: environment)
            return result?.status == 0
        }
    }()

    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] != nil }

    /// Run the provider's cases when it is installed, and always in CI (where they fail when it
    /// is not).
    public static var runsCases: Bool { python != nil || isCI }

    public static let skipMessage =
        "oidc-provider-mock is not installed: the sign-in tests against a real OpenID provider are skipped. "
        + "Run scripts/setup.sh --tests to install it."

    private static var environment: [String: String] {
        let existing = ProcessInfo.processInfo.environment["PYTHONPATH"]
        return ["PYTHONPATH": ([packageDirectory.path] + [existing].compactMap { $0 }).joined(separator: ":")]
    }

    private init(port: Int, process: Process, log: URL) {
        self.port = port
        self.issuer = "http://127.0.0.1:\(port)"
        self.process = process
        self.log = log
    }

    /// Starts a provider whose tokens live `tokenLifetime` seconds, runs `body` with it, then
    /// stops it, whatever `body` does.
    public static func run<Result: Sendable>(
        tokenLifetime: Int = 60, _ body: (OpenIDProviderMock) async throws -> Result
    ) async throws -> Result {
        let provider = try await start(tokenLifetime: tokenLifetime)
        do {
            let result = try await body(provider)
            await provider.stop()
            return result
        } catch {
            await provider.stop()
            throw error
        }
    }

    private static func start(tokenLifetime: Int) async throws -> OpenIDProviderMock {
        guard let python else { throw OpenIDProviderMockError.notInstalled }
        let port = try freePort()
        let log = FileManager.default.temporaryDirectory.appending(path: "csec-oidc-provider-\(UUID().uuidString).log")
        try Data().write(to: log)
        let output = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = python
        process.arguments = [
            "-m", "oidc_provider_mock", "--host", "127.0.0.1", "--port", String(port), "--token-max-age",
            String(tokenLifetime),
        ]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try? output.close()
        let provider = OpenIDProviderMock(port: port, process: process, log: log)
        // Python loads Flask and Authlib first: seconds on a loaded machine.
        let deadline = ContinuousClock.now + .seconds(60)
        while !canConnect(port: port) {
            guard process.isRunning, ContinuousClock.now < deadline else {
                let tail = provider.logTail()
                await provider.stop()
                throw OpenIDProviderMockError.didNotStart(log: tail)
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        return provider
    }

    /// Stops the provider (SIGTERM, then SIGKILL if it lingers) and removes its log.
    public func stop() async {
        for signal in [SIGTERM, SIGKILL] where process.isRunning {
            kill(process.processIdentifier, signal)
            let deadline = ContinuousClock.now + .seconds(5)
            while process.isRunning, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(50)) }
        }
        try? FileManager.default.removeItem(at: log)
    }

    /// The last lines the provider logged.
    public func logTail() -> String {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(15).joined(separator: "\n")
    }

    /// A port no one listens on now: the kernel's choice for a socket bound to port 0.
    public static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw OpenIDProviderMockError.noFreePort }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socket, pointer, length) == 0 && getsockname(socket, pointer, &length) == 0
            }
        }
        guard bound else { throw OpenIDProviderMockError.noFreePort }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func canConnect(port: Int) -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return false }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}

public enum OpenIDProviderMockError: Error, CustomStringConvertible {
    case notInstalled
    case noFreePort
    case didNotStart(log: String)

    public var description: String {
        switch self {
        case .notInstalled:
            "oidc-provider-mock is not installed where Python finds it, nor in \(OpenIDProviderMock.packageDirectory.path): "
                + "run scripts/setup.sh --tests (CI runs it)"
        case .noFreePort: "no free port on 127.0.0.1 for the OpenID provider"
        case .didNotStart(let log): "oidc-provider-mock did not listen within 60 seconds:\n\(log)"
        }
    }
}

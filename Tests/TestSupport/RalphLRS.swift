import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A real learning record store for the xAPI and cmi5 tests: Ralph 5.1.0 (`ralph-malph` on
/// PyPI), run as its own process on a free loopback port with the file-system backend in a
/// temporary directory and one HTTP Basic user. `scripts/setup.sh --tests` installs it in
/// ``packageDirectory``.
///
/// Ralph 5.1.0's file-system backend accepts only one write per data file (every later POST is
/// a 500), so the server is started through a small launcher, written here, that sets that
/// backend's default operation type to APPEND before it runs uvicorn; validation,
/// authentication and the 200/204/409 answers stay Ralph's own.
///
/// With an ``OpenIDBackend``, Ralph also takes OAuth 2 bearer tokens (`RALPH_RUNSERVER_AUTH_BACKENDS=
/// basic,oidc`): it fetches the issuer's discovery document and keys, and decodes the token as
/// a JWT offline, checking its signature, expiry and audience. Ralph 5.1.0 passes python-jose no
/// access token, so it refuses every ID token carrying an `at_hash` claim, and oidc-provider-mock
/// (the only issuer the tests run) puts `at_hash` in every ID token; with this backend the
/// launcher turns off that one check (`verify_at_hash`), nothing else.
///
/// ```swift
/// let lrs = try await RalphLRS.start()
/// defer { lrs.discard() }
/// // POST to lrs.endpoint.appending(path: "statements") with lrs.authorization …
/// let stored = try await lrs.statements(registration: recordID)
/// ```
public final class RalphLRS: Sendable {
    /// `http://127.0.0.1:PORT/xAPI/`, the LRS's xAPI endpoint (statements are under `statements`).
    public let endpoint: URL
    public let port: Int
    /// The one Basic user (scopes statements/read and statements/write).
    public let username: String
    public let password: String
    /// The temporary directory with the launcher, the auth file, the data and the log.
    public let directory: URL
    /// The OpenID provider whose tokens Ralph takes too, if any.
    public let openID: OpenIDBackend?
    private let process: Mutex<Process?>

    /// Ralph's `oidc` authentication backend: the tokens of `issuer` whose audience includes
    /// `audience`.
    public struct OpenIDBackend: Sendable {
        public var issuer: String
        public var audience: String

        public init(issuer: String, audience: String) {
            self.issuer = issuer
            self.audience = audience
        }
    }

    /// Where `scripts/setup.sh --tests` installs Ralph: `$XDG_CACHE_HOME/csec-trainer/ralph`
    /// (default `~/.cache/…`).
    public static var packageDirectory: URL {
        let environment = ProcessInfo.processInfo.environment
        let cache =
            environment["XDG_CACHE_HOME"].map { URL(filePath: $0) }
            ?? URL(filePath: environment["HOME"] ?? NSTemporaryDirectory()).appending(path: ".cache")
        return cache.appending(path: "csec-trainer/ralph")
    }

    /// The Python that imports Ralph's API and bcrypt from ``packageDirectory`` (python3 on the
    /// PATH, then Debian's /usr/bin/python3); nil when none does.
    public static let python: URL? = {
        let candidates = [Program.locate("python3"), URL(filePath: "/usr/bin/python3")].compactMap { $0 }
        return candidates.first { python in
            guard FileManager.default.isExecutableFile(atPath: python.path) else { return false }
            let result = try? Program.run(python, ["-c", "import ralph.api, bcrypt, uvicorn"], environment: environment)
            return result?.status == 0
        }
    }()

    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] != nil }

    /// Run the LRS's cases when Ralph is installed, and always in CI (where they fail when it is
    /// not).
    public static var runsCases: Bool { python != nil || isCI }

    public static let skipMessage =
        "Ralph (a learning record store) is not installed: the tests against a real LRS are skipped. "
        + "Run scripts/setup.sh --tests to install it."

    /// What Ralph's processes need: its directory first on PYTHONPATH and the file-system
    /// backend (Ralph's default, Elasticsearch, is not installed).
    private static var environment: [String: String] {
        let existing = ProcessInfo.processInfo.environment["PYTHONPATH"]
        return [
            "PYTHONPATH": ([packageDirectory.path] + [existing].compactMap { $0 }).joined(separator: ":"),
            "RALPH_RUNSERVER_BACKEND": "fs",
        ]
    }

    /// `Authorization` header value for ``username`` and ``password``.
    public var authorization: String { Self.basicAuthorization(username: username, password: password) }

    public static func basicAuthorization(username: String, password: String) -> String {
        "Basic " + Data("\(username):\(password)".utf8).base64EncodedString()
    }

    private init(port: Int, username: String, password: String, directory: URL, openID: OpenIDBackend?) {
        self.port = port
        self.endpoint = URL(string: "http://127.0.0.1:\(port)/xAPI/")!
        self.username = username
        self.password = password
        self.directory = directory
        self.openID = openID
        self.process = Mutex(nil)
    }

    /// Starts Ralph with a fresh data directory and one user, and with `openID`, its bearer
    /// tokens too. Throws ``RalphLRSError/notInstalled`` when Ralph is missing (suites use
    /// ``runsCases`` to skip outside CI).
    public static func start(
        username: String = "csec-trainer", password: String = "correct horse battery", openID: OpenIDBackend? = nil
    ) async throws -> RalphLRS {
        guard let python else { throw RalphLRSError.notInstalled }
        let directory = FileManager.default.temporaryDirectory.appending(path: "csec-ralph-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appending(path: "data"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: directory.appending(path: "app"), withIntermediateDirectories: true)
        try Data(launcher.utf8).write(to: directory.appending(path: "ralph_lrs.py"))
        try writeAuthFile(in: directory, username: username, password: password, python: python)
        let lrs = RalphLRS(
            port: try OpenIDProviderMock.freePort(), username: username, password: password, directory: directory, openID: openID)
        do {
            try await lrs.launch(python: python)
        } catch {
            lrs.discard()
            throw error
        }
        return lrs
    }

    /// Starts Ralph, runs `body` with it, then stops it and removes its directory, whatever
    /// `body` does.
    public static func run<Result: Sendable>(openID: OpenIDBackend? = nil, _ body: (RalphLRS) async throws -> Result)
        async throws -> Result
    {
        let lrs = try await start(openID: openID)
        do {
            let result = try await body(lrs)
            lrs.discard()
            return result
        } catch {
            lrs.discard()
            throw error
        }
    }

    /// Stops the server (SIGTERM, then SIGKILL if it lingers) and keeps its data, so that
    /// ``restart()`` finds the statements stored before: an LRS outage.
    public func stop() {
        guard
            let running = process.withLock({ process in
                defer { process = nil }; return process
            })
        else { return }
        for signal in [SIGTERM, SIGKILL] where running.isRunning {
            kill(running.processIdentifier, signal)
            let deadline = ContinuousClock.now + .seconds(5)
            while running.isRunning, ContinuousClock.now < deadline { usleep(50_000) }
        }
    }

    /// Starts the server again on the same port and data directory after ``stop()``.
    public func restart() async throws {
        guard let python = Self.python else { throw RalphLRSError.notInstalled }
        stop()
        try await launch(python: python)
    }

    /// Stops the server and removes its directory (data, auth file, log).
    public func discard() {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// True while the server process runs.
    public var isRunning: Bool { process.withLock { $0?.isRunning ?? false } }

    private func launch(python: URL) async throws {
        let log = directory.appending(path: "ralph.log")
        if !FileManager.default.fileExists(atPath: log.path) { try Data().write(to: log) }
        let output = try FileHandle(forWritingTo: log)
        try output.seekToEnd()
        let launched = Process()
        launched.executableURL = python
        launched.arguments =
            [directory.appending(path: "ralph_lrs.py").path, String(port)] + (openID == nil ? [] : ["--oidc-without-at-hash"])
        launched.currentDirectoryURL = directory
        launched.environment = ProcessInfo.processInfo.environment.merging(Self.environment) { $1 }.merging([
            "RALPH_AUTH_FILE": directory.appending(path: "auth.json").path,
            "RALPH_APP_DIR": directory.appending(path: "app").path,
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": directory.appending(path: "data").path,
        ]) { $1 }.merging(openIDEnvironment) { $1 }
        launched.standardOutput = output
        launched.standardError = output
        launched.standardInput = FileHandle.nullDevice
        try launched.run()
        try? output.close()
        process.withLock { $0 = launched }
        // Python imports FastAPI and pydantic models first: about 3 s here, more on a loaded machine.
        let deadline = ContinuousClock.now + .seconds(90)
        while await !heartbeat() {
            guard launched.isRunning, ContinuousClock.now < deadline else {
                let tail = logTail()
                stop()
                throw RalphLRSError.didNotStart(log: tail)
            }
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    /// Ralph's settings for ``openID``; none without it.
    private var openIDEnvironment: [String: String] {
        guard let openID else { return [:] }
        return [
            "RALPH_RUNSERVER_AUTH_BACKENDS": "basic,oidc", "RALPH_RUNSERVER_AUTH_OIDC_ISSUER_URI": openID.issuer,
            "RALPH_RUNSERVER_AUTH_OIDC_AUDIENCE": openID.audience,
        ]
    }

    private func heartbeat() async -> Bool {
        let request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/__heartbeat__")
        guard let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(2)) else { return false }
        _ = try? await response.body.collect(upTo: 1 << 16)
        return response.status == .ok
    }

    /// The statements stored under `registration` (GET `statements?registration=…`, following
    /// `more`), as Ralph returns them (with `stored` and `authority`), in no particular order.
    public func statements(registration: String) async throws -> [[String: Any]] {
        var components = URLComponents(url: endpoint.appending(path: "statements"), resolvingAgainstBaseURL: false)!
        components.queryItems = [URLQueryItem(name: "registration", value: registration)]
        return try await statements(at: components.url!)
    }

    /// The statement stored under `id`, or nil (Ralph answers an unknown id with an empty list).
    public func statement(id: String) async throws -> [String: Any]? {
        var components = URLComponents(url: endpoint.appending(path: "statements"), resolvingAgainstBaseURL: false)!
        components.queryItems = [URLQueryItem(name: "statementId", value: id)]
        return try await statements(at: components.url!).first
    }

    private func statements(at url: URL) async throws -> [[String: Any]] {
        var collected: [[String: Any]] = []
        var next: URL? = url
        while let url = next {
            var request = HTTPClientRequest(url: url.absoluteString)
            request.headers.add(name: "Authorization", value: authorization)
            request.headers.add(name: "X-Experience-API-Version", value: "1.0.3")
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
            let body = Data(try await response.body.collect(upTo: 64 << 20).readableBytesView)
            guard response.status == .ok,
                let result = try JSONSerialization.jsonObject(with: body) as? [String: Any],
                let statements = result["statements"] as? [[String: Any]]
            else {
                throw RalphLRSError.unexpectedAnswer(
                    status: Int(response.status.code), body: String(decoding: body, as: UTF8.self))
            }
            collected += statements
            next = (result["more"] as? String).flatMap { $0.isEmpty ? nil : URL(string: $0, relativeTo: endpoint)?.absoluteURL }
        }
        return collected
    }

    /// The errors Ralph's strict model (`BaseXapiStatement.model_validate`) finds in
    /// `statementsJSON` (one statement or an array), one line per error, naming the statement's
    /// index, its id and the field path; empty when every statement is valid. Ralph's server
    /// itself checks only actor, verb, object and id, so the tests use this as the validator.
    public static func validate(statementsJSON: Data) throws -> [String] {
        guard let python else { throw RalphLRSError.notInstalled }
        let directory = FileManager.default.temporaryDirectory.appending(path: "csec-xapi-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = directory.appending(path: "xapi_check.py")
        let statements = directory.appending(path: "statements.json")
        try Data(validator.utf8).write(to: script)
        try statementsJSON.write(to: statements)
        let result = try Program.run(python, [script.path, statements.path], environment: environment)
        guard result.status == 0, let output = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String]
        else { throw RalphLRSError.validatorFailed(result.error) }
        return output
    }

    /// The last lines the server logged.
    public func logTail() -> String {
        let text = (try? String(contentsOf: directory.appending(path: "ralph.log"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(20).joined(separator: "\n")
    }

    /// Ralph's auth file with one user, the bcrypt hash made by the bcrypt in Ralph's directory
    /// (4 rounds: the tests' password is no secret, and Ralph checks it on every request).
    private static func writeAuthFile(in directory: URL, username: String, password: String, python: URL) throws {
        let script = """
            import bcrypt, json, sys
            user = {"username": sys.argv[1], "hash": bcrypt.hashpw(sys.argv[2].encode(), bcrypt.gensalt(4)).decode(),
                    "scopes": ["statements/write", "statements/read"],
                    "agent": {"mbox": "mailto:csec-trainer@example.org", "objectType": "Agent"}}
            json.dump([user], open(sys.argv[3], "w"))
            """
        let authFile = directory.appending(path: "auth.json")
        let result = try Program.run(python, ["-c", script, username, password, authFile.path], environment: environment)
        guard result.status == 0 else { throw RalphLRSError.didNotStart(log: result.error) }
    }

    /// Ralph 5.1.0's file-system backend writes with the operation type CREATE by default, which
    /// refuses every write after the first to the same file; APPEND is what an LRS needs. A stop
    /// waits at most a second for open keep-alive connections. `--oidc-without-at-hash`: see the
    /// type's notes.
    private static let launcher = """
        import functools, sys
        from ralph.backends.data.base import BaseOperationType
        from ralph.backends.lrs.fs import FSLRSBackend
        FSLRSBackend.default_operation_type = BaseOperationType.APPEND
        if "--oidc-without-at-hash" in sys.argv:
            from ralph.api.auth import oidc
            decode = oidc.jwt.decode
            @functools.wraps(decode)
            def decode_without_at_hash(*args, options=None, **kwargs):
                return decode(*args, options={**(options or {}), "verify_at_hash": False}, **kwargs)
            oidc.jwt.decode = decode_without_at_hash
        import uvicorn
        uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="warning",
                    timeout_graceful_shutdown=1)
        """

    private static let validator = """
        import json, sys
        from pydantic import ValidationError
        from ralph.models.xapi.base.statements import BaseXapiStatement
        data = json.load(open(sys.argv[1]))
        errors = []
        for index, statement in enumerate(data if isinstance(data, list) else [data]):
            try:
                BaseXapiStatement.model_validate(statement)
            except ValidationError as error:
                for detail in error.errors():
                    path = ".".join(str(part) for part in detail["loc"])
                    errors.append(f"statement {index} ({statement.get('id')}): {path}: {detail['msg']}")
        print(json.dumps(errors))
        """
}

public enum RalphLRSError: Error, CustomStringConvertible {
    case notInstalled
    case didNotStart(log: String)
    case unexpectedAnswer(status: Int, body: String)
    case validatorFailed(String)

    public var description: String {
        switch self {
        case .notInstalled:
            "Ralph is not installed in \(RalphLRS.packageDirectory.path) (or Python cannot import it): "
                + "run scripts/setup.sh --tests (CI runs it)"
        case .didNotStart(let log): "Ralph did not answer /__heartbeat__ within 90 seconds:\n\(log)"
        case .unexpectedAnswer(let status, let body): "Ralph answered \(status): \(body.prefix(500))"
        case .validatorFailed(let error): "the xAPI statement validator (BaseXapiStatement) failed:\n\(error.suffix(2000))"
        }
    }
}

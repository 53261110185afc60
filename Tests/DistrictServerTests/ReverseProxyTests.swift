import Accounts
import DistrictServer
import Foundation
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The recipe of docs/reverse-proxy.md, run: Debian's nginx with the document's first `nginx`
/// block (only its port, certificate files and upstream port changed), TLS with a certificate
/// made by `openssl req` for district.example, in front of a real server started as the recipe
/// says (`--public-url https://district.example --trusted-proxy 127.0.0.1`), reached by curl from
/// another loopback address (127.0.0.2) so that the forwarded address is told from the proxy's.
@Suite(
    .serialized,
    // Without nginx the suite is skipped on a developer's machine; in CI (CI set) it runs and
    // fails, saying to install it.
    .enabled(
        if: NginxProxy.toolsInstalled || ProcessInfo.processInfo.environment["CI"] != nil,
        "nginx, openssl or curl is not installed: the reverse-proxy recipe is not tested (scripts/setup.sh --tests)"),
    .timeLimit(.minutes(3))
)
struct ReverseProxyTests {
    static let publicURL = URL(string: "https://district.example")!
    static let clientAddress = "127.0.0.2"

    @Test func theDocumentedRecipeServesTheTrainingThroughNginx() async throws {
        let fixture = try await AdministrationFixture(
            publicURL: Self.publicURL, trustedProxies: try #require(TrustedProxies(["127.0.0.1"])))
        defer { fixture.remove() }
        let link = try await fixture.invitationPath()
        try await fixture.liveApplication.test(.live) { client in
            let upstream = try #require(client.port)
            try await NginxProxy.run(upstreamPort: upstream) { proxy in
                let health = try await proxy.curl("/healthz")
                #expect(health.status == 200 && health.body == "ok\n")

                // A client's own X-Forwarded-For is not believed: the address nginx saw is.
                let signIn = try await proxy.curl(link, headers: ["X-Forwarded-For: 203.0.113.9"])
                #expect(signIn.status == 303 && signIn.header("location") == "/training")
                let setCookie = try #require(signIn.header("set-cookie"))
                #expect(setCookie.hasPrefix("__Host-csec-session=") && setCookie.contains("Secure"))
                let cookie = "Cookie: " + String(setCookie.prefix { $0 != ";" })

                let training = try await proxy.curl("/training", headers: [cookie])
                #expect(training.status == 200 && training.body.contains("<h1>"))
                let token = try #require(training.body.firstField("csrf_token"))

                let own = "Origin: \(Self.publicURL.absoluteString)"
                let foreign = try await proxy.curl(
                    "/training/start", headers: [cookie, "Origin: https://evil.example"], form: "csrf_token=\(token)")
                #expect(foreign.status == 403, "a form from another origin is refused")
                let start = try await proxy.curl("/training/start", headers: [cookie, own], form: "csrf_token=\(token)")
                #expect(start.status == 303 && start.header("location") == "/training/question")
                let question = try await proxy.curl("/training/question", headers: [cookie])
                #expect(question.status == 200 && question.body.contains("<fieldset"))
            }
        }
        let signIns = try await fixture.auditEvents().filter { $0.action == .signedIn }
        #expect(signIns.map(\.clientAddress) == [Self.clientAddress], "the client's address, forwarded by nginx")
    }
}

/// nginx, a child process in a temporary prefix (`nginx -p PREFIX -c CONF -g 'daemon off;'`),
/// serving the recipe's server block with TLS on a free loopback port.
struct NginxProxy {
    let directory: URL
    let port: Int
    let certificate: URL

    struct Reply {
        var status: Int
        var headers: [(String, String)]
        var body: String

        func header(_ name: String) -> String? { headers.first { $0.0 == name }?.1 }
    }

    static var toolsInstalled: Bool { ["nginx", "openssl", "curl"].allSatisfy { tool($0) != nil } }

    /// `name` on the PATH or in /usr/sbin (where Debian puts nginx).
    static func tool(_ name: String) -> URL? {
        Program.locate(name)
            ?? [URL(filePath: "/usr/sbin/\(name)")].first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// The first ```nginx block of docs/reverse-proxy.md.
    static func recipe() throws -> String {
        let document = try String(
            contentsOf: Fixtures.repositoryRoot.appending(path: "docs/reverse-proxy.md"), encoding: .utf8)
        let start = try #require(document.range(of: "```nginx\n"))
        let end = try #require(document[start.upperBound...].range(of: "```"))
        return String(document[start.upperBound..<end.lowerBound])
    }

    /// The recipe with this machine's port, certificate and upstream: each a line the recipe
    /// must have, exactly once.
    static func serverBlock(port: Int, certificate: URL, key: URL, upstreamPort: Int) throws -> String {
        var block = try recipe()
        let changes = [
            ("listen 443 ssl;", "listen 127.0.0.1:\(port) ssl;"),
            ("ssl_certificate /etc/letsencrypt/live/district.example/fullchain.pem;", "ssl_certificate \(certificate.path);"),
            ("ssl_certificate_key /etc/letsencrypt/live/district.example/privkey.pem;", "ssl_certificate_key \(key.path);"),
            ("proxy_pass http://127.0.0.1:8080;", "proxy_pass http://127.0.0.1:\(upstreamPort);"),
        ]
        for (line, replacement) in changes {
            #expect(block.components(separatedBy: line).count == 2, "the recipe has `\(line)` once")
            block = block.replacing(line, with: replacement)
        }
        return block
    }

    static func run(upstreamPort: Int, _ body: (NginxProxy) async throws -> Void) async throws {
        let nginx = try #require(NginxProxy.tool("nginx"), "nginx is not installed (Debian: apt-get install nginx)")
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (certificate, key) = (directory.appending(path: "cert.pem"), directory.appending(path: "key.pem"))
        let made = try await Program.run(
            try #require(NginxProxy.tool("openssl")),
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
                "-subj", "/CN=district.example", "-addext", "subjectAltName=DNS:district.example", "-keyout", key.path,
                "-out", certificate.path,
            ])
        #expect(made.status == 0, "openssl: \(made.error)")
        let port = try freePort()
        let temporary = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
            .map { "\($0)_temp_path \(directory.path)/\($0);" }.joined(separator: "\n")
        let configuration = """
            worker_processes 1;
            pid \(directory.path)/nginx.pid;
            error_log \(directory.path)/error.log;
            events { worker_connections 64; }
            http {
            access_log \(directory.path)/access.log;
            \(temporary)
            \(try serverBlock(port: port, certificate: certificate, key: key, upstreamPort: upstreamPort))
            }
            """
        let file = directory.appending(path: "nginx.conf")
        try configuration.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = nginx
        process.arguments = [
            "-p", directory.path, "-c", file.path, "-e", directory.appending(path: "error.log").path, "-g", "daemon off;",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        let proxy = NginxProxy(directory: directory, port: port, certificate: certificate)
        var ready = false
        for _ in 0..<100 where !ready {
            ready = (try? await proxy.curl("/healthz").status) == 200
            if !ready { try await Task.sleep(for: .milliseconds(100)) }
        }
        let log = (try? String(contentsOf: directory.appending(path: "error.log"), encoding: .utf8)) ?? ""
        try #require(ready, "nginx did not start: \(log)")
        try await body(proxy)
    }

    /// A request through nginx by curl, from 127.0.0.2, to https://district.example:PORT (the
    /// name resolved to 127.0.0.1, the certificate trusted): its status, headers and body.
    func curl(_ path: String, headers: [String] = [], form: String? = nil) async throws -> Reply {
        let output = directory.appending(path: "reply-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        var arguments = [
            "--silent", "--show-error", "--max-time", "60", "--cacert", certificate.path, "--resolve",
            "district.example:\(port):127.0.0.1", "--interface", ReverseProxyTests.clientAddress, "--include", "--output",
            output.path,
        ]
        for header in headers { arguments += ["--header", header] }
        if let form {
            arguments += ["--header", "Content-Type: application/x-www-form-urlencoded", "--data-raw", form]
        }
        arguments.append("https://district.example:\(port)\(path)")
        let run = try await Program.run(try #require(NginxProxy.tool("curl")), arguments)
        guard run.status == 0 else { throw CurlFailed(message: run.error) }
        let text = try String(contentsOf: output, encoding: .utf8)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts[0].components(separatedBy: "\r\n")
        let status = Int(head[0].split(separator: " ")[1]) ?? 0
        let fields = head.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return Reply(status: status, headers: fields, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    struct CurlFailed: Error {
        var message: String
    }

    /// A port free on 127.0.0.1 now (the kernel's choice for port 0).
    static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && getsockname(descriptor, generic, &length) == 0
            }
        }
        try #require(bound)
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

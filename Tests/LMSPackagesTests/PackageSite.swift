import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// A web site on a free port of 127.0.0.1 serving fixed files (a test LMS's pages and an
/// unzipped package), plus whatever routes a test adds: what Chromium loads the player from,
/// over HTTP as an LMS serves it (frames of file:// pages cannot reach each other's API).
enum PackageSite {
    static let quietLogger: Logger = {
        var logger = Logger(label: "package-site")
        logger.logLevel = .critical
        return logger
    }()

    /// Serves `files` (path → bytes) and the routes `routes` adds while `body` runs, with the
    /// site's address (`http://127.0.0.1:PORT`).
    static func run<Result: Sendable>(
        files: [String: Data], routes: (Router<BasicRequestContext>) -> Void = { _ in },
        _ body: @Sendable (_ address: String) async throws -> Result
    ) async throws -> Result {
        let router = Router()
        for (path, bytes) in files {
            router.get(RouterPath(path)) { _, _ -> Response in
                Response(
                    status: .ok, headers: [.contentType: contentType(of: path), .cacheControl: "no-store"],
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
            }
        }
        // The browser asks every site for its icon; a 404 would show as a page error.
        router.get("/favicon.ico") { _, _ -> Response in Response(status: .noContent) }
        routes(router)
        let application = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: quietLogger)
        return try await application.test(.live) { client in
            try await body("http://127.0.0.1:\(try #require(client.port))")
        }
    }

    /// The unzipped package's files under `prefix` (`/package/index.html`…).
    static func files(of package: [String: Data], under prefix: String) -> [String: Data] {
        Dictionary(uniqueKeysWithValues: package.map { ("\(prefix)/\($0.key)", $0.value) })
    }

    static func contentType(of path: String) -> String {
        switch path.split(separator: ".").last {
        case "html": "text/html; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "xml", "xsd": "application/xml"
        default: "application/octet-stream"
        }
    }
}

import DistrictTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Another web site, on its own port of 127.0.0.1 (another origin than the district server's,
/// though the same site: the browser sends the server's SameSite cookies with its forms), whose
/// one page holds a form that posts to the district server: the cross-site request forgery a
/// trainee or administrator could be lured into. `GET /?target=URL&token=TOKEN` shows a button
/// that posts `csrf_token=TOKEN` to URL.
enum DistrictForeignSite {
    /// Runs the site while `body` runs, with its address (`http://127.0.0.1:PORT`).
    static func run<Result: Sendable>(_ body: @Sendable (_ address: String) async throws -> Result) async throws -> Result {
        let router = Router()
        router.get("/") { request, _ -> Response in
            let target = request.uri.queryParameters["target"].map(String.init) ?? ""
            let token = request.uri.queryParameters["token"].map(String.init) ?? ""
            let page = """
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><title>A prize for school staff</title></head>
                <body><main>
                <h1>You have won a prize</h1>
                <form method="post" action="\(escaped(target))">
                <input type="hidden" name="csrf_token" value="\(escaped(token))">
                <button type="submit">Claim the prize</button>
                </form>
                </main></body>
                </html>
                """
            return Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
        }
        let application = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            logger: DistrictFixture.quietLogger)
        return try await application.test(.live) { client in
            try await body("http://127.0.0.1:\(try #require(client.port))")
        }
    }

    private static func escaped(_ text: String) -> String {
        text.replacing("&", with: "&amp;").replacing("\"", with: "&quot;").replacing("<", with: "&lt;")
    }
}

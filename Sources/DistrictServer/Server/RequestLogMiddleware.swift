import Accounts
import Foundation
import Hummingbird
import Logging

/// One structured log line a request: method, path (an invitation's token left out), status and
/// time taken. Never a form field, a cookie or a token.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = DistrictRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        context.logger.info(
            "request",
            metadata: [
                "method": "\(request.method.rawValue)", "path": "\(Self.loggedPath(request.uri.path))",
                "status": "\(response.status.code)",
                "ms": "\(elapsed.components.seconds * 1_000 + elapsed.components.attoseconds / 1_000_000_000_000_000)",
            ])
        return response
    }

    /// The path as logged: `/invite/…` without its secret.
    static func loggedPath(_ path: String) -> String {
        path.hasPrefix(InvitationLink.pathPrefix) ? InvitationLink.pathPrefix + "…" : path
    }
}

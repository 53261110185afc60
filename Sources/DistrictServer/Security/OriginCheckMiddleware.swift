import HTTPTypes
import Hummingbird
import Logging

/// Refuses (403, with a page that explains) every state-changing request that does not come from
/// this server's own pages (see ``AllowedOrigin``): a form on another site cannot sign a trainee
/// out, answer for them or sign anyone in.
struct OriginCheckMiddleware: RouterMiddleware {
    typealias Context = DistrictRequestContext

    let allowed: AllowedOrigin

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard request.method.changesState else { return try await next(request, context) }
        let allows = allowed.allows(
            origin: request.headers[.origin], referer: request.headers[.referer], host: request.head.authority)
        guard allows else {
            context.logger.notice("refused a request from another site", metadata: ["path": "\(request.uri.path)"])
            return PageResponse.page(ErrorPages.foreignOrigin(), status: .forbidden)
        }
        return try await next(request, context)
    }
}

extension HTTPRequest.Method {
    /// Every method but GET, HEAD and OPTIONS.
    var changesState: Bool { self != .get && self != .head && self != .options }
}

import HTTPTypes
import Hummingbird

/// Takes the client's address from `X-Forwarded-For` when the connection comes from a trusted
/// reverse proxy (see ``TrustedProxies``), for the sign-in limit and the audit log.
struct ForwardedClientMiddleware: RouterMiddleware {
    typealias Context = DistrictRequestContext

    let trusted: TrustedProxies

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard !trusted.addresses.isEmpty else { return try await next(request, context) }
        var context = context
        context.forwardedClientAddress = trusted.client(
            peer: context.remoteAddress?.ipAddress, forwardedFor: request.headers[values: .xForwardedFor])
        return try await next(request, context)
    }
}

extension HTTPField.Name {
    static let xForwardedFor = Self("X-Forwarded-For")!
}

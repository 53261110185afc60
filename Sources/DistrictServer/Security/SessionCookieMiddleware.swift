import Accounts
import Foundation
import Hummingbird
import Logging

/// Finds the signed-in session the request's cookie names (an unknown or expired one is none).
struct SessionCookieMiddleware: RouterMiddleware {
    typealias Context = DistrictRequestContext

    let signIn: any SignInService
    let cookies: CookiePolicy
    let now: @Sendable () -> Date

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        if let token = request.cookies[cookies.sessionCookieName]?.value, !token.isEmpty {
            do throws(AccountError) {
                context.session = try await signIn.session(cookieToken: token, now: now())
                context.sessionToken = context.session == nil ? nil : token
            } catch {
                context.logger.error("could not look up a session", metadata: ["error": "\(error)"])
                return PageResponse.page(ErrorPages.unavailable(error.description), status: .serviceUnavailable)
            }
        }
        return try await next(request, context)
    }
}

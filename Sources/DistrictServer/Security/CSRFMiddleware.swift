import Accounts
import Hummingbird
import Logging
import NIOCore

/// Reads the form of every state-changing request and refuses it (403, with a page that
/// explains) unless it carries the CSRF token of the signed-in session, or, before anyone is
/// signed in, the token of the sign-in form's own cookie. A forged form on another site knows
/// neither.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = DistrictRequestContext

    /// The form field that carries the token.
    static let fieldName = "csrf_token"
    /// The largest form the pages send, with room to spare.
    static let maxFormBytes = 16_384

    let cookies: CookiePolicy

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard request.method.changesState else { return try await next(request, context) }
        var request = request
        var context = context
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: Self.maxFormBytes)
        } catch {
            return PageResponse.page(ErrorPages.formTooLarge(), status: .contentTooLarge)
        }
        context.form = FormFields(urlEncoded: String(buffer: body))
        let expected = [context.session?.csrfToken, request.cookies[cookies.signInCookieName]?.value]
            .compactMap { $0 }.filter { !$0.isEmpty }
        guard let sent = context.form[Self.fieldName], expected.contains(where: { ConstantTime.equal(sent, $0) }) else {
            context.logger.notice("refused a form without this session's token", metadata: ["path": "\(request.uri.path)"])
            return PageResponse.page(ErrorPages.missingFormToken(), status: .forbidden)
        }
        return try await next(request, context)
    }
}

/// Comparison of secrets that takes as long whatever the first difference.
enum ConstantTime {
    static func equal(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}

import Accounts
import Hummingbird
import NIOCore

/// The request context of the district server: the client's address (for rate limits and the
/// audit log), the signed-in session its cookie names, and the fields of a form it posted.
public struct DistrictRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// The session of the request's cookie, once ``SessionCookieMiddleware`` found it.
    public var session: WebSession?
    /// The cookie's token, to end the session on sign-out.
    public var sessionToken: String?
    /// The fields of a posted form, once ``CSRFMiddleware`` read them.
    public var form: FormFields = FormFields()

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The client's address that a trusted reverse proxy forwarded, once
    /// ``ForwardedClientMiddleware`` found it.
    public var forwardedClientAddress: String?

    /// The client's address in words, for the audit log and sign-in limits: the one a trusted
    /// proxy forwarded, else the connection's ("unknown" when it has none, as in tests).
    public var clientAddress: String { forwardedClientAddress ?? remoteAddress?.ipAddress ?? "unknown" }
}

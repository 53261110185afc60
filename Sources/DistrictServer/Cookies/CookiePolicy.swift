import Foundation
import Hummingbird

/// The flags of the server's cookies.
///
/// - `Secure` when the browser reaches the server over HTTPS (the server has TLS, or its public
///   address is https behind a proxy); the session cookie is then named with the `__Host-`
///   prefix, which browsers accept only from a secure page, for Path=/ and no Domain, so no
///   other host of the district can set or shadow it.
/// - `HttpOnly`: no script reads them.
/// - `SameSite=Lax`: an invitation link is opened from a mail, a QR code or another site, and
///   the redirect after it must carry the new cookie to the training page (with `Strict`, a
///   browser leaves it off the navigation that began on another site, and the trainee would
///   land signed out). Lax still keeps the cookie off every cross-site POST, and each POST also
///   needs the session's CSRF token and this server's `Origin`.
/// - `Path=/`, no `Domain`: this host only.
public struct CookiePolicy: Sendable, Equatable {
    public var secure: Bool

    public init(secure: Bool) {
        self.secure = secure
    }

    /// The session cookie's name.
    public var sessionCookieName: String { secure ? "__Host-csec-session" : "csec-session" }

    /// The cookie that carries the sign-in form's CSRF token before anyone is signed in.
    public var signInCookieName: String { secure ? "__Host-csec-sign-in" : "csec-sign-in" }

    /// The session cookie for `token`, kept until `expiresAt` (counted from `now`).
    public func sessionCookie(_ token: String, expiresAt: Date, now: Date) -> Cookie {
        cookie(sessionCookieName, value: token, maxAge: max(0, Int(expiresAt.timeIntervalSince(now))))
    }

    /// A cookie that tells the browser to forget the session cookie.
    public var clearedSessionCookie: Cookie { cookie(sessionCookieName, value: "", maxAge: 0) }

    /// The sign-in form's cookie, for the browser session only (no Max-Age).
    public func signInCookie(_ token: String) -> Cookie { cookie(signInCookieName, value: token, maxAge: nil) }

    private func cookie(_ name: String, value: String, maxAge: Int?) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}

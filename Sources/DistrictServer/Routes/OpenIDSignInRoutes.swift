import Accounts
import Foundation
import Hummingbird
import Logging
import OpenIDSignIn
import Records

/// Sign-in with the district's OpenID provider (Google Workspace, Microsoft Entra): the routes
/// behind ``SignInMethods/OpenIDProvider``. `GET /sign-in/oidc` starts a sign-in (its state,
/// nonce and PKCE verifier stay on the server, under a random key the browser holds in a
/// cookie for this path only) and sends the browser to the provider; the provider sends it back
/// to `GET /sign-in/oidc/callback`, where the sign-in is finished and the verified e-mail is
/// matched to the staff roster. A pending sign-in is used once, and forgotten after
/// ``OpenIDSignInSettings/maximumSignInDuration``.
public struct OpenIDSignInRoutes: Sendable {
    public static let startPath = "/sign-in/oidc"

    let relyingParty: OpenIDRelyingParty
    /// The provider's name for the sign-in page and the audit log ("Google Workspace").
    let providerName: String
    private let pending = PendingSignIns()

    public init(relyingParty: OpenIDRelyingParty, providerName: String) {
        self.relyingParty = relyingParty
        self.providerName = providerName
    }

    /// How the sign-in page offers it.
    public var method: SignInMethods.OpenIDProvider {
        SignInMethods.OpenIDProvider(displayName: providerName, startPath: Self.startPath)
    }

    /// Adds the start and callback routes to `router`, signing people in on `server`.
    public func add(to router: Router<DistrictRequestContext>, server: DistrictServer) {
        let cookieName = server.cookies.secure ? "__Secure-csec-oidc" : "csec-oidc"
        router.get(RouterPath(Self.startPath)) { _, context in
            let start: SignInStart
            do throws(OpenIDSignInError) {
                start = try await relyingParty.startSignIn(now: server.now())
            } catch {
                context.logger.error("OpenID sign-in could not start", metadata: ["error": "\(error)"])
                return PageResponse.page(ErrorPages.unavailable(error.description), status: .serviceUnavailable)
            }
            let key = DistrictServer.newFormToken()
            await pending.keep(start.pending, under: key, now: server.now(), for: relyingParty.settings.maximumSignInDuration)
            var response = PageResponse.redirect(to: start.authorizationURL.absoluteString)
            response.setCookie(
                Cookie(
                    name: cookieName, value: key, maxAge: Int(relyingParty.settings.maximumSignInDuration),
                    path: Self.startPath, secure: server.cookies.secure, httpOnly: true, sameSite: .lax))
            return response
        }
        router.get(RouterPath(OpenIDSignInSettings.callbackPath)) { request, context in
            var response: Response
            if let key = request.cookies[cookieName]?.value,
                let signIn = await pending.take(key, now: server.now())
            {
                response = await finish(signIn, query: request.uri.query ?? "", server: server, context: context)
            } else {
                await server.audit(
                    .signInRefused, actor: "unknown", detail: "\(providerName): no sign-in was started in this browser",
                    context: context)
                response = PageResponse.page(
                    ErrorPages.signInRefused(
                        "This sign-in was not started in this browser, or took too long. Start it again from the front page."
                    ), status: .forbidden)
            }
            response.setCookie(
                Cookie(
                    name: cookieName, value: "", maxAge: 0, path: Self.startPath, secure: server.cookies.secure,
                    httpOnly: true, sameSite: .lax))
            return response
        }
    }

    /// Finishes a sign-in: the provider's verified e-mail, matched to the roster.
    private func finish(
        _ signIn: PendingSignIn, query: String, server: DistrictServer, context: DistrictRequestContext
    ) async -> Response {
        let identity: VerifiedIdentity
        do throws(OpenIDSignInError) {
            identity = try await relyingParty.finishSignIn(signIn, callbackQuery: query, now: server.now())
        } catch {
            await server.audit(.signInRefused, actor: "unknown", detail: "\(providerName): \(error)", context: context)
            return PageResponse.page(ErrorPages.signInRefused(error.description), status: .forbidden)
        }
        let member: StaffMember?
        do throws(AccountError) {
            member = try await server.signIn.staffMember(withEmail: identity.email)
        } catch {
            return PageResponse.page(ErrorPages.unavailable(error.description), status: .serviceUnavailable)
        }
        guard let member else {
            let refusal = AccountError.notOnRoster(email: identity.email)
            await server.audit(.signInRefused, actor: identity.email, detail: "\(providerName): \(refusal)", context: context)
            return PageResponse.page(ErrorPages.signInRefused(refusal.description), status: .forbidden)
        }
        return await server.signedIn(.staff(member), by: providerName, then: "/training", context: context)
    }
}

/// The sign-ins started and not yet finished, by the key their browser holds; each is taken once.
/// At most ``limit`` are kept (the oldest give way), so a flood of starts cannot fill memory.
private actor PendingSignIns {
    static let limit = 10_000
    private var started: [String: (signIn: PendingSignIn, until: Date)] = [:]

    func keep(_ signIn: PendingSignIn, under key: String, now: Date, for duration: TimeInterval) {
        started = started.filter { $0.value.until > now }
        if started.count >= Self.limit, let oldest = started.min(by: { $0.value.until < $1.value.until })?.key {
            started.removeValue(forKey: oldest)
        }
        started[key] = (signIn, now.addingTimeInterval(duration))
    }

    func take(_ key: String, now: Date) -> PendingSignIn? {
        guard let found = started.removeValue(forKey: key), found.until > now else { return nil }
        return found.signIn
    }
}

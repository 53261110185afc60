import Accounts
import Foundation
import Hummingbird
import Logging
import Records

/// Sign-in and sign-out: the invitation link, the administrators' password form, and the
/// sign-out button. Every sign-in starts a new session (a new cookie token), ends the one the
/// browser had, and is written to the audit log, as is every refusal and sign-out.
extension DistrictServer {
    func addSignInRoutes(to router: Router<DistrictRequestContext>) {
        router.get("/") { _, context in
            guard let session = context.session else { return PageResponse.page(SignInPages.welcome(methods: methods)) }
            switch session.person {
            case .staff: return PageResponse.redirect(to: "/training")
            case .administrator: return PageResponse.redirect(to: "/admin")
            }
        }
        router.get(RouterPath(InvitationLink.pathPrefix + "{token}")) { request, context in
            let token = try context.parameters.require("token")
            let member: StaffMember
            do throws(AccountError) {
                member = try await signIn.redeemInvitation(token: token, now: now())
            } catch {
                await audit(.signInRefused, actor: "unknown", detail: "invitation link: \(error)", context: context)
                return PageResponse.page(ErrorPages.signInRefused(error.description), status: .forbidden)
            }
            return await signedIn(.staff(member), by: "invitation link", then: "/training", context: context)
        }
        router.get("/admin/sign-in") { request, _ in
            let token = Self.newFormToken()
            var response = PageResponse.page(SignInPages.administratorForm(csrfToken: token))
            response.setCookie(cookies.signInCookie(token))
            return response
        }
        router.post("/admin/sign-in") { request, context in
            let name = context.form["name"] ?? ""
            let password = context.form["password"] ?? ""
            let signedIn: String
            do throws(AccountError) {
                signedIn = try await signIn.signInAdministrator(
                    name: name, password: password, client: context.clientAddress, now: now())
            } catch {
                await audit(
                    .signInRefused, actor: name.isEmpty ? "unknown" : name, detail: "password: \(error)", context: context)
                let token = Self.newFormToken()
                var response = PageResponse.page(
                    SignInPages.administratorForm(csrfToken: token, problem: error.description, name: name),
                    status: error.isRateLimit ? .tooManyRequests : .unauthorized)
                response.setCookie(cookies.signInCookie(token))
                return response
            }
            // The audit line names the role the account has at sign-in.
            let role = try? await signIn.administratorRole(named: signedIn)
            return await self.signedIn(
                .administrator(name: signedIn), by: "password, as \(role?.words ?? "administrator")", then: "/admin",
                context: context)
        }
        router.post("/sign-out") { _, context in
            var response = PageResponse.redirect(to: "/")
            response.setCookie(cookies.clearedSessionCookie)
            guard let token = context.sessionToken, let session = context.session else { return response }
            do throws(AccountError) {
                try await signIn.endSession(cookieToken: token)
            } catch {
                context.logger.error("could not end a session", metadata: ["error": "\(error)"])
                return PageResponse.page(ErrorPages.unavailable(error.description), status: .serviceUnavailable)
            }
            await audit(.signedOut, actor: session.person.displayName, detail: "signed out", context: context)
            return response
        }
    }

    /// The response that signs `person` in, signed in `method` ("invitation link", "password",
    /// the OpenID provider's name): a new session (the browser's old one ended, so no session id
    /// survives a sign-in), written to the audit log, its cookie set, and the browser sent on to
    /// `path`. Every sign-in route ends with it, the OpenID sign-in's callback too.
    public func signedIn(
        _ person: SignedInPerson, by method: String, then path: String, context: DistrictRequestContext
    ) async -> Response {
        do throws(AccountError) {
            if let oldToken = context.sessionToken { try await signIn.endSession(cookieToken: oldToken) }
            let started = try await signIn.startSession(for: person, now: now())
            await audit(.signedIn, actor: person.displayName, detail: method, context: context)
            var response = PageResponse.redirect(to: path)
            response.setCookie(
                cookies.sessionCookie(started.cookieToken, expiresAt: started.session.expiresAt, now: now()))
            return response
        } catch {
            context.logger.error("could not start a session", metadata: ["error": "\(error)"])
            return PageResponse.page(ErrorPages.unavailable(error.description), status: .serviceUnavailable)
        }
    }

    /// Appends to the audit log; a failure is logged (the sign-in itself already happened or
    /// was refused).
    public func audit(_ action: AuditEvent.Action, actor: String, detail: String, context: DistrictRequestContext) async {
        do {
            try await signIn.record(
                AuditEvent(at: now(), action: action, actor: actor, detail: detail, clientAddress: context.clientAddress))
        } catch {
            context.logger.error("could not write the audit log", metadata: ["error": "\(error)"])
        }
    }

    /// A random token for the sign-in form, and the key of a pending OpenID sign-in: a
    /// ``SecretToken`` (256 bits, URL-safe), as the accounts make theirs.
    static func newFormToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return SecretToken(using: &generator).text
    }
}

extension AccountError {
    var isRateLimit: Bool {
        if case .tooManyAttempts = self { true } else { false }
    }
}

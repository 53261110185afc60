import Accounts
import Completion
import Foundation
import GroupSessions
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Records
import SessionServer

/// The group session from the browser: an administrator's console under `/admin/group-session`
/// (start, the commands, remove a participant, the projector view), and `/group` where signed-in
/// staff join as themselves. Every start and end is written to the audit log. The facilitator's
/// secret stays in the ``GroupSessionDesk``; the pages name commands only.
extension DistrictServer {
    func addGroupSessionRoutes(to router: Router<DistrictRequestContext>) {
        router.get("/admin/group-session") { _, context in
            try await asFacilitator(context) { desk, session in
                await consolePage(desk, problem: nil, session: session)
            }
        }
        router.post("/admin/group-session/start") { request, context in
            try await asFacilitator(context) { desk, session in
                let facilitator = session.person.displayName
                let vignettes = Int((context.form["vignettes"] ?? "").trimmingCharacters(in: .whitespaces))
                let capacity = Int((context.form["capacity"] ?? "").trimmingCharacters(in: .whitespaces))
                guard let vignettes, let capacity else {
                    return await consolePage(
                        desk, problem: "Give the number of vignettes and of people as whole numbers.", session: session,
                        status: .badRequest)
                }
                do throws(GroupSessionDeskError) {
                    let id = try await desk.start(
                        facilitator: facilitator, vignettes: vignettes, capacity: capacity,
                        joinAddress: joinAddress(request))
                    await audit(
                        .groupSessionStarted, actor: facilitator,
                        detail: "\(id): \(vignettes) vignettes, up to \(capacity) people"
                            + (await roleInAudit(of: facilitator)),
                        context: context)
                    return PageResponse.redirect(to: "/admin/group-session")
                } catch {
                    return await consolePage(desk, problem: error.description, session: session, status: .conflict)
                }
            }
        }
        router.post("/admin/group-session/command") { _, context in
            try await asFacilitator(context) { desk, session in
                guard let command = GroupSession.Command(rawValue: context.form["command"] ?? "") else {
                    return await consolePage(desk, problem: "There is no such command.", session: session, status: .badRequest)
                }
                do throws(GroupSessionDeskError) {
                    if command == .end {
                        let ended = try await desk.end()
                        let facilitator = session.person.displayName
                        await audit(
                            .groupSessionEnded, actor: facilitator,
                            detail: ended.auditDetail + (await roleInAudit(of: facilitator)), context: context)
                    } else {
                        try await desk.perform(command)
                    }
                    return PageResponse.redirect(to: "/admin/group-session")
                } catch {
                    return await consolePage(desk, problem: error.description, session: session, status: .conflict)
                }
            }
        }
        router.post("/admin/group-session/remove") { _, context in
            try await asFacilitator(context) { desk, session in
                do throws(GroupSessionDeskError) {
                    guard let number = Int(context.form["participant"] ?? "") else { throw .refused(.noSuchParticipant) }
                    _ = try await desk.remove(participant: number)
                    return PageResponse.redirect(to: "/admin/group-session")
                } catch {
                    return await consolePage(desk, problem: error.description, session: session, status: .conflict)
                }
            }
        }
        router.get("/admin/group-session/present") { _, context in
            try await asFacilitator(context) { desk, _ in
                await sessionPage(desk.pages.pages[GroupSessionDesk.prefix + "/present"])
            }
        }
        router.get("/group") { _, context in
            guard let session = context.session else { return PageResponse.redirect(to: "/") }
            guard case .staff(let member) = session.person else { return PageResponse.redirect(to: "/admin/group-session") }
            guard let desk = groupSessions else { return PageResponse.page(GroupSessionPages.notOffered(), status: .notFound) }
            guard let room = await desk.room, await room.session.phase != .ended else {
                // Ended: its records are written (or being written, for a moment).
                let ending = await desk.room != nil
                return PageResponse.page(
                    GroupSessionPages.noSession(
                        record: ending ? nil : await desk.lastRecord(of: member), ending: ending, session: session))
            }
            let page = await desk.pages.participantPage(
                at: GroupSessionDesk.prefix, signedInAs: member.name, employeeID: member.employeeID,
                record: GroupSessionDesk.prefix)
            return sessionPage(page)
        }
        for asset in ["/assets/participant.js", "/assets/present.js", "/assets/session.css", WebPages.joinQRCodePath] {
            router.get(RouterPath(GroupSessionDesk.prefix + asset)) { _, _ in
                guard let desk = groupSessions else { return PageResponse.page(ErrorPages.notFound(), status: .notFound) }
                return await sessionPage(desk.pages.pages[GroupSessionDesk.prefix + asset])
            }
        }
    }

    /// Runs `body` for a signed-in administrator; sends anyone else to sign in (not signed in) or
    /// refuses them (a staff member).
    private func asFacilitator(
        _ context: DistrictRequestContext, _ body: (GroupSessionDesk, WebSession) async throws -> Response
    ) async throws -> Response {
        guard let session = context.session else { return PageResponse.redirect(to: "/admin/sign-in") }
        guard case .administrator = session.person else {
            return PageResponse.page(GroupSessionPages.onlyAdministrators(session: session), status: .forbidden)
        }
        guard let desk = groupSessions else { return PageResponse.page(GroupSessionPages.notOffered(), status: .notFound) }
        return try await body(desk, session)
    }

    /// ", as district administrator": the role of the administrator named `name`, for the end of
    /// an audit line (nothing when the accounts cannot say).
    private func roleInAudit(of name: String) async -> String {
        guard let role = try? await signIn.administratorRole(named: name) else { return "" }
        return ", as \(role.words)"
    }

    /// The console when a session runs, else the form that starts one.
    private func consolePage(
        _ desk: GroupSessionDesk, problem: String?, session: WebSession, status: HTTPResponse.Status = .ok
    ) async -> Response {
        if let running = await desk.status() {
            return PageResponse.page(GroupSessionPages.console(running, problem: problem, session: session), status: status)
        }
        return PageResponse.page(
            GroupSessionPages.start(
                jurisdiction: jurisdiction, contentNote: contentNote, lastEnded: await desk.lastEnded, problem: problem,
                session: session), status: status)
    }

    /// Where staff join: `/group` at this server's public address, else at the address the
    /// facilitator's request was sent to.
    private func joinAddress(_ request: Request) -> String {
        let origin = origin.publicOrigin ?? "\(origin.servesTLS ? "https" : "http")://\(request.head.authority ?? "localhost")"
        return origin + GroupSessionDesk.prefix
    }

    /// A page of the session server as it is (its scripts and socket allowed by its own
    /// Content-Security-Policy, which the security headers keep).
    private func sessionPage(_ page: WebPages.Page?) -> Response {
        guard let page else { return PageResponse.page(ErrorPages.notFound(), status: .notFound) }
        return Response(
            status: .ok,
            headers: [
                .contentType: page.contentType,
                HTTPField.Name("Content-Security-Policy")!: SessionServer.contentSecurityPolicy,
            ], body: ResponseBody(byteBuffer: ByteBuffer(bytes: page.bytes)))
    }
}

import Accounts
import Completion
import Foundation
import Hummingbird
import Records
import Storage
import Training

/// Targeted refreshers on the district server:
///
/// - `GET /invitation/{token}/refresher`: the person's sign-in link, then their refresher;
/// - `GET /training/refresher`: what the refresher is, and the button that starts it;
/// - `POST /training/refresher`: begins it (``Completion/SelfPacedTraining/targetedRefresher(for:jurisdiction:)``),
///   then the questions as any attempt's (`/training/question`…);
/// - `GET /admin/dashboard/refreshers`: who is due one and who took one, with whether the weak
///   area improved (a site administrator sees their school's people only);
/// - `POST /admin/dashboard/refreshers/reminders`: a new sign-in link to the refresher for each
///   person due one, as a mail-merge CSV; the issue is written to the audit log.
extension DistrictServer {
    /// What a sign-in link gains to lead to the refresher.
    static let refresherLinkSuffix = "/refresher"

    func addRefresherRoutes(to router: Router<DistrictRequestContext>) {
        router.get(RouterPath(InvitationLink.pathPrefix + "{token}" + Self.refresherLinkSuffix)) { _, context in
            let token = try context.parameters.require("token")
            let member: StaffMember
            do throws(AccountError) {
                member = try await signIn.redeemInvitation(token: token, now: now())
            } catch {
                await audit(.signInRefused, actor: "unknown", detail: "refresher link: \(error)", context: context)
                return PageResponse.page(ErrorPages.signInRefused(error.description), status: .forbidden)
            }
            return await signedIn(.staff(member), by: "refresher link", then: "/training/refresher", context: context)
        }
        router.get("/training/refresher") { _, context in
            try await asStaff(context) { session, member in
                let saved = try await onDiskThreads { try training.savedAttempt(of: member.attemptKey) }
                return PageResponse.page(RefresherPages.start(jurisdiction: jurisdiction, saved: saved, session: session))
            }
        }
        router.post("/training/refresher") { _, context in
            try await asStaff(context) { session, member in
                do {
                    let refresher = try await training.targetedRefresher(for: member.trainee, jurisdiction: jurisdiction)
                    try await onDiskThreads {
                        _ = try training.begin(
                            member.trainee, as: member.attemptKey, jurisdiction: refresher.jurisdiction,
                            length: .targetedRefresher, draw: refresher.draw, purpose: .refresher)
                    }
                } catch AttemptError.inProgress {
                    // Started already (a second tab, a form sent twice): continue it.
                } catch AttemptError.noPassedAttempt {
                    return PageResponse.page(RefresherPages.noPassedTraining(session: session), status: .conflict)
                }
                return PageResponse.redirect(to: "/training/question")
            }
        }
        router.get("/admin/dashboard/refreshers") { _, context in
            try await asAdministrator(context) { session, administrator in
                let (due, asOf) = try await refreshersDue(seenBy: administrator.role)
                let results = try await training.refresherResults().filter {
                    administrator.role.covers(school: $0.trainee.school)
                }
                return PageResponse.page(
                    RefresherSection.page(
                        due: due, results: results, asOf: asOf, reminderDays: Self.reminderLinkDays, session: session))
            }
        }
        router.post("/admin/dashboard/refreshers/reminders") { request, context in
            let host = request.head.authority
            return try await asAdministrator(context) { _, administrator in
                try await refresherReminders(by: administrator, host: host)
            }
        }
    }

    /// The people due a refresher today whom `role` sees, and today.
    private func refreshersDue(seenBy role: AdministratorRole) async throws -> ([RefreshersDue.Row], CalendarDate) {
        let report = try await districtReport()
        let today = report.found.report.asOf
        let summaries = try await training.records.summaries().summaries
        let due = RefreshersDue(completions: summaries, schoolYearsLike: report.schoolYear, asOf: today)
        return (due.rows.filter { role.covers(school: $0.trainee.school) }, today)
    }

    /// Issues the refresher links of the people due one and sends them as a mail-merge CSV
    /// (never stored: the links exist only in this response).
    private func refresherReminders(by administrator: SignedInAdministrator, host: String?) async throws -> Response {
        guard let accounts else {
            return PageResponse.page(
                ErrorPages.unavailable("This server keeps no accounts, so it cannot issue sign-in links."),
                status: .serviceUnavailable)
        }
        let (due, _) = try await refreshersDue(seenBy: administrator.role)
        let list = ReminderList(due, roster: try await accounts.rosteredStaff(.everyone))
        guard let base = publicURL ?? origin.origin(host: host).flatMap({ try? InvitationLink.publicURL($0) }) else {
            return PageResponse.page(
                ErrorPages.unavailable(
                    "The server does not know the address staff open it at, so it cannot make sign-in links. "
                        + "Give the server its public address."),
                status: .serviceUnavailable)
        }
        let time = now()
        let issued =
            list.staff.isEmpty
            ? []
            : try await accounts.issueInvitations(
                to: list.staff, expiresAt: time + Double(Self.reminderLinkDays) * 24 * 60 * 60, publicURL: base, now: time,
                by: administrator.name,
                purpose: "refresher links to the people due a refresher, " + administrator.auditWords)
        let day = CalendarDate(time, utcOffsetSeconds: training.clock.timeZone.secondsFromGMT(for: time))
        var response = PageResponse.download(
            Array(list.csv(issued, timeZone: training.clock.timeZone).utf8), contentType: "text/csv; charset=utf-8",
            fileName: "refreshers-\(day).csv")
        response.headers[.cacheControl] = "no-store"
        return response
    }
}

import Accounts
import Completion
import Foundation
import Hummingbird
import Logging
import Records
import Storage

/// The administrators' area, for signed-in administrators only (staff get 403, a visitor not
/// signed in is sent to the administrators' sign-in). A district administrator sees every
/// school; a site administrator only their own (``AdministratorRole``), and is refused (403) a
/// page of another school and the whole-district actions:
///
/// - `GET /admin`: the school year's figures (rostered staff, completed, due, overdue) from the
///   application layer's compliance report, the one `records report` prints, and the links;
/// - `GET /admin/staff[?school=…]`: everyone in that report with their status;
/// - `GET /admin/audit[?page=N]`: the audit log, newest first (district administrators only);
/// - `POST /admin/records/export`: every record as its signed file, in one tar archive (what
///   `records export` writes), written to the audit log before it is sent; the archive is built
///   in a temporary file, one record at a time, sent from there and removed (district
///   administrators only).
extension DistrictServer {
    /// Audit log entries a page.
    public static let auditEntriesPerPage = 50

    func addAdministrationRoutes(to router: Router<DistrictRequestContext>) {
        router.get("/admin") { _, context in
            try await asAdministrator(context) { session, administrator in
                PageResponse.page(
                    AdministrationPages.overview(
                        try await districtReport().seen(by: administrator.role), role: administrator.role, session: session))
            }
        }
        router.get("/admin/staff") { request, context in
            let school = request.formQuery["school"].flatMap { $0.isEmpty ? nil : $0 }
            return try await asAdministrator(context) { session, administrator in
                guard administrator.role.covers(school: school ?? administrator.role.school) else {
                    return Self.otherSchool(administrator, session: session)
                }
                return PageResponse.page(
                    AdministrationPages.staff(
                        try await districtReport().seen(by: administrator.role), school: school, session: session))
            }
        }
        router.get("/admin/audit") { request, context in
            let page = request.uri.queryParameters["page"].flatMap { Int($0) } ?? 1
            return try await asAdministrator(context) { session, administrator in
                guard administrator.role == .district else { return Self.districtOnly(administrator, session: session) }
                let trail = try await accounts?.store.auditTrail()
                return PageResponse.page(
                    AdministrationPages.audit(
                        trail, page: page, perPage: Self.auditEntriesPerPage, timeZone: training.clock.timeZone,
                        session: session))
            }
        }
        router.post("/admin/records/export") { _, context in
            try await asAdministrator(context) { session, administrator in
                guard administrator.role == .district else { return Self.districtOnly(administrator, session: session) }
                let time = now()
                let archive = try await RecordExport(records: training.records).archive(
                    now: time, timeZone: training.clock.timeZone)
                do {
                    for problem in archive.problems {
                        context.logger.notice("a record left out of the export", metadata: ["problem": "\(problem)"])
                    }
                    // Written before the download is sent: no export leaves without its audit line.
                    var event = RecordExport.auditEvent(
                        count: archive.count, leftOut: archive.problems.count, by: administrator.name,
                        via: .administratorsArea, at: time, clientAddress: context.clientAddress)
                    event.detail += ", \(administrator.auditWords)"
                    try await signIn.record(event)
                    return try await download(archive, context: context)
                } catch {
                    archive.remove()
                    throw error
                }
            }
        }
    }

    /// The archive's file sent from the disk in chunks, then removed, whether the whole of it
    /// reached the browser or not.
    private func download(_ archive: RecordExport.Archive, context: DistrictRequestContext) async throws -> Response {
        let file = try await FileIO().loadFile(path: archive.file.path, context: context)
        let body = ResponseBody(contentLength: file.contentLength) { writer in
            defer { archive.remove() }
            try await file.write(writer)
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/x-tar", .contentDisposition: #"attachment; filename="\#(archive.fileName)""#,
            ], body: body)
    }

    /// The compliance report of the school year under way (from July 1) as of today, with the
    /// staff roster when one is imported: the repository's report, as `records report` makes it.
    func districtReport() async throws(StorageError) -> AdministrationPages.Report {
        let time = now()
        let today = CalendarDate(time, utcOffsetSeconds: training.clock.timeZone.secondsFromGMT(for: time))
        let firstYear = today.month >= 7 ? today.year : today.year - 1
        // A label of two consecutive years always reads.
        let year = SchoolYear("\(firstYear)-\(firstYear + 1)")!
        let roster = try await accounts?.roster.roster()
        let found = try await training.records.complianceReport(for: year, asOf: today, roster: roster)
        return AdministrationPages.Report(found: found, schoolYear: year, hasRoster: roster != nil)
    }

    /// Runs `body` for the signed-in administrator (their session, and their name and role as
    /// the accounts hold them now). Staff get 403, a visitor not signed in goes to the
    /// administrators' sign-in, a session whose administrator no longer exists is refused (403);
    /// records or accounts that cannot be read or written become a page that says so (503).
    func asAdministrator(
        _ context: DistrictRequestContext, _ body: (WebSession, SignedInAdministrator) async throws -> Response
    ) async throws -> Response {
        guard let session = context.session else { return PageResponse.redirect(to: "/admin/sign-in") }
        guard case .administrator(let name) = session.person else {
            return PageResponse.page(AdministrationPages.administratorsOnly(session: session), status: .forbidden)
        }
        do {
            guard let role = try await signIn.administratorRole(named: name) else {
                return PageResponse.page(AdministrationPages.noLongerAdministrator(session: session), status: .forbidden)
            }
            return try await body(session, SignedInAdministrator(name: name, role: role))
        } catch let error as StorageError {
            context.logger.error("the records cannot be read", metadata: ["error": "\(error)"])
            return PageResponse.page(
                ErrorPages.unavailable("The records cannot be read on the server right now."), status: .serviceUnavailable)
        } catch let error as AccountError {
            context.logger.error("the accounts cannot be read or written", metadata: ["error": "\(error)"])
            return PageResponse.page(ErrorPages.unavailable(error.description), status: .serviceUnavailable)
        }
    }

    /// 403 for a site administrator who asks for another school's people.
    static func otherSchool(_ administrator: SignedInAdministrator, session: WebSession) -> Response {
        PageResponse.page(AdministrationPages.otherSchool(administrator.role, session: session), status: .forbidden)
    }

    /// 403 for a site administrator who asks for a whole-district page or action.
    static func districtOnly(_ administrator: SignedInAdministrator, session: WebSession) -> Response {
        PageResponse.page(AdministrationPages.districtOnly(administrator.role, session: session), status: .forbidden)
    }
}

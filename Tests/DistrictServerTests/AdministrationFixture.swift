import Accounts
import Briefing
import Completion
import DistrictServer
import Foundation
import Hummingbird
import LocalStore
import Logging
import RecordStore
import Records
import SessionServer
import Storage
import TestSupport
import Testing
import Training

/// A district server with the real accounts (files in a temporary data directory, bcrypt at its
/// cheapest), a staff roster of three at two schools, and a clock fixed on October 1, 2026 in
/// California: Rosa completed the training in September (complete), Marcus has not (overdue:
/// due six weeks after July 1), and Lena, hired on September 20, is due on November 1. Rosa and
/// Lena are teachers, Marcus a counselor. Dana is a district administrator; Sam, once
/// ``addSiteAdministrator()`` added him, the site administrator of Redwood High School.
struct AdministrationFixture {
    static let administrator = "Dana Whitfield"
    static let siteAdministrator = "Sam Ortiz"
    static let siteSchool = "Redwood High School"
    static let password = "correct horse battery staple"
    static let today = Timestamp("2026-10-01T09:00:00-07:00")!
    static let staff = [
        StaffMember(
            employeeID: "E-1", name: "Rosa Delgado", email: "rosa@example.org", school: "Redwood High School", role: "Teacher"),
        StaffMember(employeeID: "E-2", name: "Marcus Bell", school: "Redwood High School", role: "Counselor"),
        StaffMember(
            employeeID: "E-3", name: "Lena Park", email: "lena@example.org", school: "Tamalpais High School", role: "Teacher",
            hireDate: CalendarDate(year: 2026, month: 9, day: 20)),
    ]

    let directory: URL
    let store: RecordStore
    let records: FileRecordRepository
    let rosters: FileRosterRepository
    let accounts: DistrictAccounts
    let server: DistrictServer

    init(publicURL: URL? = nil, trustedProxies: TrustedProxies = .noProxies) async throws {
        directory = try Fixtures.temporaryDirectory()
        store = RecordStore(dataDirectory: directory, key: try InstallationKey.loadOrCreate(in: directory, now: Date()))
        records = FileRecordRepository(store: store)
        rosters = FileRosterRepository(dataDirectory: directory)
        _ = try await rosters.importRoster(Self.staff, scope: .wholeRoster)
        accounts = DistrictAccounts(
            store: FileAccountStore(dataDirectory: directory), roster: rosters, passwords: BcryptPasswordHasher(cost: 4))
        _ = try await accounts.addAdministrator(
            name: Self.administrator, password: Self.password, now: Self.today.date, by: "test")
        let content = try Fixtures.trainingContent()
        let clock = TrainingClock(timeZone: TimeZone(secondsFromGMT: Self.today.utcOffsetSeconds)!) { Self.today.date }
        server = DistrictServer(
            training: SelfPacedTraining(
                content: content, progress: ProgressStore(directory: directory.appending(path: "web-progress")),
                records: records, clock: clock, newSeed: { 11 }),
            jurisdiction: try Fixtures.jurisdiction("marin"), length: .vignettes(1),
            contentNote: ContentNote(employeeAssistance: nil), briefing: nil,
            certificates: CertificateIssuer(key: store.key, issuer: "Tamalpais Union High School District"),
            signIn: accounts, publicURL: publicURL, limits: Self.liveTestLimits, accounts: accounts,
            trustedProxies: trustedProxies)
    }

    /// The live tests' client (HummingbirdTesting) opens its connection before the test sends
    /// its first request; with every suite running at once in CI, that gap once passed the
    /// server's 10 s request-head timeout, which then closed the connection. The timeout itself
    /// is tested in SessionServerTests' ConnectionLimitTests.
    static let liveTestLimits = ConnectionLimits(requestHeaderTimeout: .seconds(120))

    /// Rosa's passing record of September 15, signed and stored; its id.
    @discardableResult
    func storeRosasRecord() async throws -> String {
        let rosa = Self.staff[0]
        let record = SampleRecords.record(
            name: rosa.name, employeeID: rosa.employeeID, school: rosa.school, completed: "2026-09-15T10:30:00-07:00")
        return try await records.saveOnce(record).id.uuidString.lowercased()
    }

    /// Adds Sam, the site administrator of Redwood High School.
    func addSiteAdministrator() async throws {
        _ = try await accounts.addAdministrator(
            name: Self.siteAdministrator, password: Self.password, school: Self.siteSchool, now: Self.today.date,
            by: "test")
    }

    /// A new sign-in link's path for `member`.
    func invitationPath(for member: StaffMember = Self.staff[0]) async throws -> String {
        let issued = try await accounts.issueInvitations(
            to: [member], expiresAt: Self.today.date.addingTimeInterval(86_400), publicURL: URL(string: "https://x.example")!,
            now: Self.today.date, by: "test")
        return InvitationLink.pathPrefix + issued[0].token.text
    }

    var application: some ApplicationProtocol { Application(router: server.router(), logger: Self.quietLogger) }

    /// The application listening on 127.0.0.1 at any free port.
    var liveApplication: some ApplicationProtocol {
        server.application(host: "127.0.0.1", port: 0, logger: Self.quietLogger)
    }

    /// The audit log as the accounts keep it.
    func auditEvents() async throws -> [AuditEvent] { try await accounts.store.auditTrail().events }

    static var quietLogger: Logger {
        var logger = Logger(label: "administration-tests")
        logger.logLevel = .critical
        return logger
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

extension TestBrowser {
    /// Signs in on the administrators' form as `name` (the district administrator unless
    /// given); the page it lands on.
    mutating func signInAsAdministrator(_ name: String = AdministrationFixture.administrator) async throws -> Page {
        let form = try await get("/admin/sign-in")
        return try await post(
            "/admin/sign-in",
            [
                ("csrf_token", try #require(form.field("csrf_token"))), ("name", name),
                ("password", AdministrationFixture.password),
            ])
    }
}

import Accounts
import Briefing
import Completion
import ContentLoading
import DistrictServer
import Foundation
import Hummingbird
import LocalStore
import Logging
import ProtocolEngine
import RecordStore
import Records
import Storage
import Synchronization
import TestSupport
import Training

/// A district server over a temporary data directory: the bundled content, Marin's protocol,
/// signed record files, attempts in progress kept by ``FaultyAttemptStore`` (which a test can
/// make fail), the in-memory sign-in, and a fixed seed so the engine's plan is known.
public struct DistrictFixture: Sendable {
    public static let seed: UInt64 = 11
    public static let vignettes = 2

    public let directory: URL
    public let store: RecordStore
    public let content: TrainingContent
    public let jurisdiction: JurisdictionProtocol
    public let progress: FaultyAttemptStore
    /// The county's briefing, as the bundled content writes it.
    public let briefing: Briefing
    public let signIn = InMemorySignIn()
    public let server: DistrictServer

    public init(publicURL: URL? = nil, methods: SignInMethods = .invitationsAndPasswords) throws {
        directory = FileManager.default.temporaryDirectory.appending(path: "district-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = RecordStore(dataDirectory: directory, key: try InstallationKey.loadOrCreate(in: directory, now: Date()))
        content = try Fixtures.trainingContent()
        jurisdiction = try Fixtures.jurisdiction("marin")
        progress = FaultyAttemptStore(ProgressStore(directory: directory.appending(path: "web-progress")))
        briefing = try BriefingMaterials.load(
            from: Fixtures.content, library: content.library, siteFile: nil, dataDirectory: directory
        ).briefing(for: jurisdiction)
        let training = SelfPacedTraining(
            content: content, progress: progress, records: FileRecordRepository(store: store), newSeed: { Self.seed })
        server = DistrictServer(
            training: training, jurisdiction: jurisdiction, length: .vignettes(Self.vignettes),
            contentNote: ContentNote(employeeAssistance: nil), briefing: briefing,
            certificates: CertificateIssuer(key: store.key, issuer: "Tamalpais Union High School District"),
            signIn: signIn, methods: methods, publicURL: publicURL)
    }

    /// The plan the server asks (the engine's, for the fixed seed) with the right answer to each
    /// question, except every third.
    public var script: ScriptedAnswers {
        ScriptedAnswers(content: content, jurisdiction: jurisdiction, count: Self.vignettes, seed: Self.seed)
    }

    public var application: some ApplicationProtocol { Application(router: server.router(), logger: Self.quietLogger) }

    /// The application listening on 127.0.0.1 at any free port, for a real browser.
    public var liveApplication: some ApplicationProtocol {
        server.application(host: "127.0.0.1", port: 0, logger: Self.quietLogger)
    }

    public static let member = StaffMember(
        employeeID: "E-2041", name: "Rosa Delgado", email: "rosa.delgado@example.org", school: "Redwood High School",
        district: "Tamalpais Union", role: "front office")

    /// A new invitation link's path for ``member``.
    public func invitationPath(for member: StaffMember = Self.member) async -> String {
        InvitationLink.pathPrefix + (await signIn.invite(member, expiresAt: Date().addingTimeInterval(3600)))
    }

    /// Only what stops the server: the request lines would drown the test output.
    public static var quietLogger: Logger {
        var logger = Logger(label: "district-server-tests")
        logger.logLevel = .critical
        return logger
    }

    public func remove() { try? FileManager.default.removeItem(at: directory) }
}

/// The attempts in progress, kept by a real progress store, whose saves a test can make fail
/// (a full disk, a database gone) to see that nothing is judged on screen that was not saved.
public final class FaultyAttemptStore: AttemptStore {
    private let base: ProgressStore
    private let failing = Mutex(false)
    private let slowness = Mutex<Duration?>(nil)
    private let savesStarted = Mutex(0)

    public init(_ base: ProgressStore) {
        self.base = base
    }

    public func failSaves(_ fail: Bool) { failing.withLock { $0 = fail } }

    /// Makes every save take `duration` (a slow disk, a busy database); nil: as fast as it is.
    public func slowSaves(_ duration: Duration?) { slowness.withLock { $0 = duration } }

    /// How many saves have begun.
    public var startedSaves: Int { savesStarted.withLock { $0 } }

    public var location: String { base.location }
    public func location(of trainee: String) -> String { base.location(of: trainee) }
    public func hold(_ trainee: String) throws(StoreError) -> any AttemptHold { try base.hold(trainee) }
    public func load(for trainee: String) throws(StoreError) -> SessionProgress? { try base.load(for: trainee) }
    public func clear(for trainee: String) throws(StoreError) { try base.clear(for: trainee) }
    public func savedSessions() throws(StoreError) -> [SessionProgress] { try base.savedSessions() }

    public func save(_ progress: SessionProgress) throws(StoreError) {
        savesStarted.withLock { $0 += 1 }
        if let slowness = slowness.withLock({ $0 }) {
            Thread.sleep(forTimeInterval: Double(slowness.components.seconds) + Double(slowness.components.attoseconds) / 1e18)
        }
        if failing.withLock({ $0 }) {
            throw .cannotWrite(path: base.location(of: progress.trainee), reason: "the disk is full (injected)")
        }
        try base.save(progress)
    }
}

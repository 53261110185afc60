import Accounts
import Briefing
import Completion
import ContentLoading
import Foundation
import Logging
import NIOPosix
import ProtocolEngine
import SessionServer
import Storage
import Training

/// The district server as `csec-trainer serve` runs it, once its settings are read and its
/// records and accounts are open: each stored record's xAPI statements queued and sent in the
/// background when an LRS is given, the server run until SIGTERM or SIGINT, then a group session
/// left running ended (its attendance recorded).
public struct DistrictService: Sendable {
    public var content: TrainingContent
    public var jurisdiction: JurisdictionProtocol
    public var contentNote: ContentNote
    public var briefing: Briefing?
    public var certificates: CertificateIssuer
    /// Where attempts in progress are kept.
    public var progress: any AttemptStore
    /// The data directory (group sessions keep their files under it).
    public var dataDirectory: URL
    /// The group sessions' pages.
    public var sessionPages: WebPages
    public var publicURL: URL?
    public var limits: ConnectionLimits
    public var tls: SessionTLS?
    public var trustedProxies: TrustedProxies
    public var offersPreTest: Bool
    /// Sign-in with an OpenID provider, when configured.
    public var openID: OpenIDSignInRoutes?
    /// The LRS the statements go to, and the sender that delivers them; nil without one.
    public var statements: (channel: StatementChannel, sender: StatementSender<ContinuousClock>)?

    public init(
        content: TrainingContent, jurisdiction: JurisdictionProtocol, contentNote: ContentNote, briefing: Briefing?,
        certificates: CertificateIssuer, progress: any AttemptStore, dataDirectory: URL, sessionPages: WebPages,
        publicURL: URL?, limits: ConnectionLimits, tls: SessionTLS?, trustedProxies: TrustedProxies, offersPreTest: Bool,
        openID: OpenIDSignInRoutes?, statements: (channel: StatementChannel, sender: StatementSender<ContinuousClock>)?
    ) {
        self.content = content
        self.jurisdiction = jurisdiction
        self.contentNote = contentNote
        self.briefing = briefing
        self.certificates = certificates
        self.progress = progress
        self.dataDirectory = dataDirectory
        self.sessionPages = sessionPages
        self.publicURL = publicURL
        self.limits = limits
        self.tls = tls
        self.trustedProxies = trustedProxies
        self.offersPreTest = offersPreTest
        self.openID = openID
        self.statements = statements
    }

    /// Serves on `bind`, keeping records in `records` and signing people in with `accounts`,
    /// until told to stop.
    public func run(
        at bind: BindAddress, records: any RecordRepository, accounts: DistrictAccounts, logger: Logger
    ) async throws {
        // Enough threads to wait on many answers' flushes at once (the disk groups them).
        let diskThreads = NIOThreadPool(numberOfThreads: 16)
        diskThreads.start()
        defer { diskThreads.shutdownGracefully { _ in } }
        let sending = statements.map { channel, sender in
            logger.notice("sending xAPI statements", metadata: ["lrs": "\(channel.endpoint.absoluteString)"])
            return Task { await channel.sendInBackground(records: records, sender: sender) { logger.log($0) } }
        }
        defer { sending?.cancel() }
        let stored =
            statements.map { channel, sender in channel.queueing(over: records, sender: sender) { logger.log($0) } }
            ?? records
        var server = DistrictServer(
            training: SelfPacedTraining(content: content, progress: progress, records: stored), jurisdiction: jurisdiction,
            contentNote: contentNote, briefing: briefing, certificates: certificates, signIn: accounts,
            methods: SignInMethods(openID: openID?.method), publicURL: publicURL, limits: limits, tls: tls,
            accounts: accounts, trustedProxies: trustedProxies, diskThreads: diskThreads
        ).offeringGroupSessions(dataDirectory: dataDirectory, pages: sessionPages)
        server.offersPreTest = offersPreTest
        logger.notice("serving", metadata: ["address": "\(bind.urlHost):\(bind.port)", "records": "\(records.location)"])
        let application = server.application(
            host: bind.host, port: bind.port, logger: logger,
            moreRoutes: { [openID, server] router in openID?.add(to: router, server: server) })
        try await DistrictServer.run(application, logger: logger)
        await server.endGroupSessionLeftRunning()
    }
}

extension Logger {
    /// A line for what the background sending of statements did.
    func log(_ event: StatementChannel.Event) {
        switch event {
        case .backlogQueued(let queued):
            if queued.queued > 0 { info("xAPI statements queued", metadata: ["records": "\(queued.queued)"]) }
            for problem in queued.problems {
                warning("xAPI statements not queued for a record", metadata: ["problem": "\(problem)"])
            }
        case .notQueued(let error):
            self.error("xAPI statements not queued (records send queues them later)", metadata: ["error": "\(error)"])
        case .delivered(let report):
            if !report.delivered.isEmpty || report.stillQueued > 0 {
                info(
                    "xAPI delivery",
                    metadata: ["delivered": "\(report.delivered.count)", "still queued": "\(report.stillQueued)"])
            }
            for problem in report.conflicts + report.refused {
                warning("xAPI statements kept", metadata: ["record": "\(problem.recordID)", "lrs": "\(problem.message)"])
            }
            if let stopped = report.stopped { warning("xAPI delivery stopped: \(stopped.description)") }
        case .deliveryFailed(let error):
            warning("xAPI delivery: \(error.description)")
        }
    }
}

import Accounts
import ArgumentParser
import Completion
import ContentLoading
import DistrictServer
import Foundation
import LocalStore
import Logging
import PostgresStorage
import RecordStore
import SessionServer
import Storage
import Training

/// `csec-trainer serve`: the district server. Its default subcommand runs it.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the district server: staff sign in and train in the browser.",
        subcommands: [ServeRunCommand.self, ServeAdminCommand.self, ServeInviteCommand.self],
        defaultSubcommand: ServeRunCommand.self)
}

/// `csec-trainer serve [run]`: serves the district's training until SIGTERM or Ctrl-C, then
/// stops gracefully (every answer being saved completes first).
struct ServeRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Serve the training (the default).",
        discussion: """
            Staff sign in with their invitation link (see `csec-trainer serve invite`) and take the \
            self-paced training of the installation's county protocol in any browser; every answer is \
            saved on the server before its feedback is shown, so they can stop on one device and \
            continue on another. Records go to the data directory's signed files, or to --database. \
            An administrator runs trainer-led group sessions from /admin/group-session; signed-in staff \
            join them at /group, and their records go to the same store. \
            Serve over HTTPS with --tls-cert and --tls-key, or behind a reverse proxy with TLS and \
            --public-url set to the address staff open and --trusted-proxy set to the proxy's \
            address (docs/reverse-proxy.md). \
            With --lrs, --district-url and --lrs-user (the password in $CSEC_TRAINER_LRS_PASSWORD) or \
            an access token ($CSEC_TRAINER_LRS_TOKEN or --lrs-token-file), \
            each finished attempt's xAPI statements are queued in the data directory and sent to \
            that learning record store in the background, kept while it is down (docs/xapi.md).
            """)

    @Option(help: "Where to listen, HOST:PORT (default: 127.0.0.1:8080; 0.0.0.0:8080 for every interface).")
    var bind = BindAddress(host: "127.0.0.1", port: 8080)
    @OptionGroup var database: DatabaseOptions
    @Option(
        name: .customLong("public-url"),
        help: ArgumentHelp(
            "The address staff open, when a reverse proxy serves it (e.g. https://training.district.org).", valueName: "url"))
    var publicURL: String?
    @Option(
        name: .customLong("trusted-proxy"),
        help: ArgumentHelp(
            "The address of a reverse proxy whose X-Forwarded-For names the client (repeat for several).",
            valueName: "ip"))
    var trustedProxies: [String] = []
    @Option(help: "The installation's county protocol, by id or name (see `csec-trainer protocols`).") var jurisdiction: String
    @Flag(help: "Offer a short pre-test before a person's first training (no feedback; for the knowledge gain).")
    var preTest = false
    @Option(name: .customLong("tls-cert"), help: ArgumentHelp("Serve HTTPS with this certificate (PEM).", valueName: "file"))
    var tlsCertificate: String?
    @Option(name: .customLong("tls-key"), help: ArgumentHelp("The certificate's private key (PEM).", valueName: "file"))
    var tlsKey: String?
    @Option(help: "The most connections open at once (default: \(ConnectionLimits.minimumMaxConnections)).")
    var maxConnections = ConnectionLimits.minimumMaxConnections
    @OptionGroup var openID: OpenIDOptions
    @OptionGroup var data: DataOptions
    @OptionGroup var content: ContentOptions
    @OptionGroup var site: SiteOptions
    @OptionGroup(title: "Sending xAPI statements to a learning record store (docs/xapi.md)") var lrs: LRSOptions
    @OptionGroup var xapi: XAPIOptions

    func validate() throws {
        if (tlsCertificate == nil) != (tlsKey == nil) {
            throw ValidationError("--tls-cert and --tls-key go together: give the certificate and its private key.")
        }
        if maxConnections < 1 { throw ValidationError("--max-connections must be at least 1.") }
        if lrs.lrs != nil {
            _ = try xapi.homePage()
        } else if xapi.districtURL != nil || xapi.includeNames {
            throw ValidationError(
                "--district-url and --include-names are for sending xAPI statements: "
                    + "give the learning record store with --lrs, or leave them out.")
        }
        try openID.validate(publicURL: publicURL)
        if TrustedProxies(trustedProxies) == nil {
            throw ValidationError("--trusted-proxy must be an IP address, e.g. 127.0.0.1 or ::1.")
        }
        if let publicURL {
            guard let url = URL(string: publicURL), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
                url.host() != nil
            else {
                throw ValidationError("--public-url must be an http or https address, e.g. https://training.district.org.")
            }
        }
    }

    func run() throws {
        let directory = try content.reportingErrors { try content.locate() }
        let training = try content.reportingErrors {
            try directory.loadTrainingContent(protocolsIn: content.protocolsDirectory.map(ContentOptions.url))
        }
        let county = try training.library.matchingJurisdiction(jurisdiction)
        let materials = try site.materials(from: directory, library: training.library, dataDirectory: data.directory)
        var tls: SessionTLS?
        let sessionPages: WebPages
        do {
            if let tlsCertificate { tls = try SessionTLS(certificateFile: tlsCertificate, keyFile: tlsKey ?? "") }
            sessionPages = try WebPages(directory: directory.webDirectory, contentNote: materials.contentNote)
        } catch let error as any CustomStringConvertible & Error {
            StandardError.print(error.description)
            throw ExitCode.failure
        }
        let store = try data.recordStore()
        let service = DistrictService(
            content: training, jurisdiction: county, contentNote: materials.contentNote,
            briefing: materials.briefing(for: county),
            certificates: CertificateIssuer(key: store.key, issuer: store.issuer ?? "csec-trainer"),
            progress: ProgressStore(directory: data.directory.appending(path: "web-progress")),
            dataDirectory: data.directory, sessionPages: sessionPages, publicURL: publicURL.flatMap(URL.init(string:)),
            limits: ConnectionLimits(maxConnections: maxConnections), tls: tls,
            trustedProxies: TrustedProxies(trustedProxies) ?? .noProxies, offersPreTest: preTest,
            openID: openID.routes(publicURL: publicURL), statements: try statementSending(training: training))
        var logger = Logger(label: "csec-trainer.serve")
        logger.logLevel = .info
        let (address, dataDirectory, bind) = (database.address, data.directory, bind)
        do {
            try reportingStorageErrors {
                try waitFor { [logger] in
                    let backend = try await RecordBackend.open(databaseAddress: address, store: store)
                    let accounts: DistrictAccounts
                    do throws(AccountError) {
                        accounts = try await backend.accounts(dataDirectory: dataDirectory)
                    } catch {
                        await backend.close()
                        throw ServeError.accounts(error)
                    }
                    do {
                        try await service.run(at: bind, records: backend.repository, accounts: accounts, logger: logger)
                    } catch {
                        await backend.close()
                        throw error
                    }
                    await backend.close()
                }
            }
        } catch let error as ServeError {
            StandardError.print(error.description)
            throw ExitCode.failure
        }
    }
}

/// Why the server could not start, beyond the storage errors the commands print.
enum ServeError: Error, CustomStringConvertible {
    case accounts(AccountError)

    var description: String {
        switch self {
        case .accounts(let error): "error: the accounts cannot be opened: \(error.description)"
        }
    }
}

import ArgumentParser
import Completion
import ContentLoading
import Foundation
import LRSDelivery

/// Which learning record store receives the statements, and as whom: `--lrs URL`, then HTTP
/// Basic (`--lrs-user NAME`, the password from the environment) or an OAuth 2 bearer access
/// token (from the environment, or a file named by `--lrs-token-file`). Secrets never come from
/// the command line, where `ps` shows them.
struct LRSOptions: ParsableArguments {
    static let passwordVariable = "CSEC_TRAINER_LRS_PASSWORD"
    static let tokenVariable = "CSEC_TRAINER_LRS_TOKEN"

    @Option(
        help: ArgumentHelp("The learning record store's xAPI endpoint, e.g. https://lrs.district.org/xAPI/.", valueName: "url"))
    var lrs: String?
    @Option(
        name: .customLong("lrs-user"),
        help: ArgumentHelp("The LRS user for HTTP Basic authentication (its password: $\(passwordVariable)).", valueName: "name"))
    var lrsUser: String?
    @Option(
        name: .customLong("lrs-token-file"),
        help: ArgumentHelp(
            "A file holding an OAuth 2 access token for the LRS, read again for each request "
                + "(or put the token in $\(tokenVariable)).", valueName: "path"))
    var lrsTokenFile: String?

    func validate() throws {
        guard let lrs else {
            if lrsUser != nil || lrsTokenFile != nil {
                throw ValidationError("--lrs-user and --lrs-token-file go with --lrs: give the LRS's xAPI address too.")
            }
            return
        }
        guard let url = URL(string: lrs), ["http", "https"].contains(url.scheme ?? ""), let host = url.host else {
            throw ValidationError("--lrs must be the LRS's xAPI address, e.g. https://lrs.district.org/xAPI/.")
        }
        // The credentials and the statements (who trained, how they did) travel with every
        // request: in clear only to this machine.
        if url.scheme == "http", !["127.0.0.1", "::1", "[::1]", "localhost"].contains(host.lowercased()) {
            throw ValidationError(
                "--lrs \(lrs) is not encrypted: give the LRS's https address (plain http only to this machine, "
                    + "such as http://127.0.0.1:8100/xAPI/).")
        }
        if lrsUser != nil, lrsTokenFile != nil {
            throw ValidationError("Give either --lrs-user (HTTP Basic) or --lrs-token-file (an access token), not both.")
        }
        if lrsUser == nil, lrsTokenFile == nil, Self.environmentToken == nil {
            throw ValidationError(
                "Give the LRS user with --lrs-user (its password goes in $\(Self.passwordVariable)), "
                    + "or an OAuth 2 access token in $\(Self.tokenVariable) or in a file named by --lrs-token-file.")
        }
    }

    private static var environmentToken: String? {
        ProcessInfo.processInfo.environment[tokenVariable].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The LRS's endpoint and a client for it; nil without --lrs. Prints what is missing and
    /// exits when the password is not in the environment or the token cannot be read.
    func client() throws -> (endpoint: URL, client: LRSClient)? {
        guard let lrs, let endpoint = URL(string: lrs) else { return nil }
        let credentials = try credentials()
        do {
            _ = try credentials.authorization()
        } catch {
            StandardError.print("error: \(error.description)")
            throw ExitCode.failure
        }
        return (endpoint, LRSClient(endpoint: endpoint, credentials: credentials))
    }

    /// The channel to the LRS of --lrs, its outbox in `data`'s directory, its actors as `xapi`
    /// says; nil without --lrs (and then `xapi` is not read).
    func channel(_ xapi: XAPIOptions, content: TrainingContent?, data: DataOptions) throws -> StatementChannel? {
        guard let (endpoint, client) = try client() else { return nil }
        return StatementChannel(
            endpoint: endpoint, dataDirectory: data.directory, transport: client, actors: try xapi.actors(data),
            content: content)
    }

    private func credentials() throws -> LRSCredentials {
        if let lrsUser {
            guard let password = ProcessInfo.processInfo.environment[Self.passwordVariable], !password.isEmpty else {
                StandardError.print(
                    "error: set the LRS user's password in the environment variable \(Self.passwordVariable) "
                        + "(e.g. export \(Self.passwordVariable)='…'), then run this again.")
                throw ExitCode.failure
            }
            return .basic(username: lrsUser, password: password)
        }
        if let lrsTokenFile { return .bearerTokenFile(URL(filePath: lrsTokenFile)) }
        return .bearer(token: Self.environmentToken ?? "")
    }
}

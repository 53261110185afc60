import ArgumentParser
import Completion
import Foundation
import LRSDelivery

/// Which learning record store receives the statements, and as whom: `--lrs URL --lrs-user
/// NAME`, the password from the environment (never the command line, where `ps` shows it).
struct LRSOptions: ParsableArguments {
    static let passwordVariable = "CSEC_TRAINER_LRS_PASSWORD"

    @Option(
        help: ArgumentHelp("The learning record store's xAPI endpoint, e.g. https://lrs.district.org/xAPI/.", valueName: "url"))
    var lrs: String?
    @Option(
        name: .customLong("lrs-user"),
        help: ArgumentHelp("The LRS user for HTTP Basic authentication (its password: $\(passwordVariable)).", valueName: "name"))
    var lrsUser: String?

    func validate() throws {
        guard let lrs else {
            if lrsUser != nil { throw ValidationError("--lrs-user goes with --lrs: give the LRS's xAPI address too.") }
            return
        }
        guard let url = URL(string: lrs), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            throw ValidationError("--lrs must be the LRS's xAPI address, e.g. https://lrs.district.org/xAPI/.")
        }
        if lrsUser == nil {
            throw ValidationError("Give the LRS user with --lrs-user (its password goes in $\(Self.passwordVariable)).")
        }
    }

    /// The LRS's endpoint and a client for it; nil without --lrs. Prints what is missing and
    /// exits when the password is not in the environment.
    func client() throws -> (endpoint: URL, client: LRSClient)? {
        guard let lrs, let endpoint = URL(string: lrs), let lrsUser else { return nil }
        guard let password = ProcessInfo.processInfo.environment[Self.passwordVariable], !password.isEmpty else {
            StandardError.print(
                "error: set the LRS user's password in the environment variable \(Self.passwordVariable) "
                    + "(e.g. export \(Self.passwordVariable)='…'), then run this again.")
            throw ExitCode.failure
        }
        return (endpoint, LRSClient(endpoint: endpoint, credentials: LRSCredentials(username: lrsUser, password: password)))
    }
}

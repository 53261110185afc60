import Foundation
import TestSupport
import Testing

extension CLISuite {
    /// `csec-trainer serve`: its options are checked before anything starts.
    @Suite
    struct ServeCommandTests {
        struct Refusal: CustomTestStringConvertible, Sendable {
            var arguments: [String]
            var says: String
            var testDescription: String { arguments.joined(separator: " ") }
        }

        @Test(arguments: [
            Refusal(
                arguments: ["--jurisdiction", "marin", "--tls-cert", "cert.pem"], says: "--tls-cert and --tls-key go together"),
            Refusal(
                arguments: ["--jurisdiction", "marin", "--public-url", "ftp://x"], says: "--public-url must be an http or https"),
            Refusal(
                arguments: ["--jurisdiction", "marin", "--max-connections", "0"], says: "--max-connections must be at least 1"),
            Refusal(arguments: ["--jurisdiction", "nowhere"], says: "Unknown jurisdiction 'nowhere'"),
            Refusal(
                arguments: ["--jurisdiction", "marin", "--oidc-issuer", "https://accounts.google.com"],
                says: "--oidc-issuer, --oidc-client-id and the client secret"),
            Refusal(
                arguments: [
                    "--jurisdiction", "marin", "--oidc-issuer", "https://accounts.google.com", "--oidc-client-id", "x",
                    "--oidc-client-secret", "y",
                ], says: "--oidc-issuer needs --public-url"),
            Refusal(
                arguments: ["--jurisdiction", "marin", "--district-url", "https://www.district.org"],
                says: "are for sending xAPI statements: give the learning record store with --lrs"),
            Refusal(
                arguments: ["--jurisdiction", "marin", "--include-names"],
                says: "are for sending xAPI statements: give the learning record store with --lrs"),
        ])
        func refusesToStart(_ refusal: Refusal) async throws {
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            let run = try await CLIRunner.run(
                ["serve"] + refusal.arguments + ["--bind", "127.0.0.1:18080", "--data-dir", data.path])
            #expect(run.status != 0)
            #expect(run.error.contains(refusal.says), "\(run.error)")
        }

        @Test func runIsTheDefaultSubcommand() async throws {
            let group = try await CLIRunner.run(["serve", "--help"])
            #expect(group.status == 0 && group.output.contains("run (default)"), "\(group.output)")
            let run = try await CLIRunner.run(["serve", "run", "--help"])
            #expect(run.status == 0 && run.output.contains("--public-url"), "\(run.output)")
        }
    }
}

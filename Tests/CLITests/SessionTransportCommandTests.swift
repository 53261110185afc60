import Foundation
import TestSupport
import Testing

extension CLISuite {
    /// What `session host` says of its transport: the join address's scheme, and one plain line
    /// when a session on the network runs without TLS.
    @Suite
    struct SessionTransportCommandTests {
        static let warning = "Plain http on the network"

        func host(_ arguments: [String]) async throws -> Program.Result {
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            return try await CLIRunner.run(
                ["session", "host", "--jurisdiction", "marin", "--facilitator", "Dana Whitfield", "--data-dir", data.path]
                    + arguments, input: "end\n")
        }

        @Test(arguments: [(lan: true, warned: true), (lan: false, warned: false)])
        func plainHTTPOnTheNetworkIsSaidInOneLine(lan: Bool, warned: Bool) async throws {
            let port = try OpenIDProviderMock.freePort()
            let run = try await host(lan ? ["--lan", "--port", "\(port)"] : ["--bind", "127.0.0.1:\(port)"])
            #expect(run.status == 0, "\(run.error)")
            #expect(run.output.contains(#/Join at http:///#))
            let lines = run.output.split(separator: "\n").filter { $0.hasPrefix(Self.warning) }
            #expect(lines.count == (warned ? 1 : 0), "\(run.output)")
            if warned {
                #expect(lines[0].contains("--tls-cert") && lines[0].contains("reverse proxy"))
                #expect(lines[0].contains("Running a session over HTTPS"))
            }
        }

        @Test(
            .enabled(
                if: Program.locate("openssl") != nil || ProcessInfo.processInfo.environment["CI"] != nil,
                "openssl is not installed (Debian: apt-get install openssl)"))
        func withACertificateTheAddressesAreHTTPSAndNothingIsSaid() async throws {
            let directory = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let (certificate, key) = (directory.appending(path: "room.pem").path, directory.appending(path: "room-key.pem").path)
            let openssl = try #require(Program.locate("openssl"), "openssl is not installed")
            let made = try await Program.run(
                openssl,
                [
                    "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
                    "-subj", "/CN=localhost", "-keyout", key, "-out", certificate,
                ])
            try #require(made.status == 0, "\(made.error)")
            let port = try OpenIDProviderMock.freePort()
            let run = try await host(["--lan", "--port", "\(port)", "--tls-cert", certificate, "--tls-key", key])
            #expect(run.status == 0, "\(run.error)")
            #expect(run.output.contains(#/Join at https:///#), "\(run.output)")
            #expect(run.output.contains(#/Projector: https:///#))
            #expect(!run.output.contains(Self.warning))
        }

        @Test func aMissingCertificateStopsTheHostNamingTheFile() async throws {
            let run = try await host(["--tls-cert", "/nonexistent/room.pem", "--tls-key", "/nonexistent/room-key.pem"])
            #expect(run.status != 0)
            #expect(run.error.contains("/nonexistent/room.pem: error: the TLS certificate file does not exist"), "\(run.error)")
            #expect(!run.output.contains("Join at"))
        }

        @Test func aCertificateWithoutItsKeyIsRefused() async throws {
            let run = try await host(["--tls-cert", "room.pem"])
            #expect(run.status != 0)
            #expect(run.error.contains("--tls-cert and --tls-key go together"), "\(run.error)")
        }
    }
}

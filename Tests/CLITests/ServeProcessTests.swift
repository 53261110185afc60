import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import TestSupport
import Testing

extension CLISuite {
    /// `csec-trainer serve` as a district runs it: the roster imported, invitations issued from
    /// the command line, the server started, a link signing its person in, and a clean stop on
    /// SIGTERM.
    @Suite
    struct ServeProcessTests {
        @Test func anInvitationIssuedAtTheCommandLineSignsItsPersonInOnTheRunningServer() async throws {
            let data = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: data) }
            let list = data.appending(path: "staff.csv")
            try Data(ServeAccountsCommandTests.staffList.utf8).write(to: list)
            #expect(try await CLIRunner.run(["staff", "import", list.path, "--data-dir", data.path]).status == 0)
            let port = try OpenIDProviderMock.freePort()
            let publicURL = "http://127.0.0.1:\(port)"
            let out = data.appending(path: "out")
            let invited = try await CLIRunner.run([
                "serve", "invite", "--employee-id", "E-1", "--out", out.path, "--public-url", publicURL, "--data-dir", data.path,
            ])
            #expect(invited.status == 0, "\(invited.error)")
            let csv = try String(contentsOf: out.appending(path: "invitations.csv"), encoding: .utf8)
            let link = try #require(csv.firstMatch(of: #/http://127\.0\.0\.1:\d+/invitation/[A-Za-z0-9_-]{43}/#)?.output)

            let server = try HostProcess([
                "serve", "--bind", "127.0.0.1:\(port)", "--jurisdiction", "marin", "--public-url", publicURL, "--data-dir",
                data.path,
            ])
            let client = HTTPClient(configuration: .init(redirectConfiguration: .disallow))
            do {
                #expect(try await Self.waitForHealth(publicURL, client: client), "\(server.printed.text)")
                let signedIn = try await client.execute(HTTPClientRequest(url: String(link)), timeout: .seconds(30))
                #expect(signedIn.status == .seeOther && signedIn.headers.first(name: "location") == "/training")
                let cookie = try #require(
                    signedIn.headers["set-cookie"].first { $0.hasPrefix("csec-session=") }.map { String($0.prefix { $0 != ";" }) }
                )
                var training = HTTPClientRequest(url: publicURL + "/training")
                training.headers.add(name: "cookie", value: cookie)
                let page = try await client.execute(training, timeout: .seconds(30))
                #expect(page.status == .ok)
                let body = String(buffer: try await page.body.collect(upTo: 1 << 20))
                #expect(body.contains("Ana Ruiz"), "\(body.prefix(500))")
                // The link works once.
                let again = try await client.execute(HTTPClientRequest(url: String(link)), timeout: .seconds(30))
                #expect(again.status == .forbidden)
            } catch {
                try await client.shutdown()
                throw error
            }
            try await client.shutdown()
            kill(server.process.processIdentifier, SIGTERM)
            #expect(await server.waitForExit(timeout: .seconds(60)), "\(server.printed.text)")
            #expect(server.process.terminationStatus == 0, "\(server.printed.text)")
            let audit = try String(contentsOf: data.appending(path: "accounts/audit.jsonl"), encoding: .utf8)
            #expect(audit.contains("\"action\":\"signed in\"") && audit.contains("\"action\":\"sign-in refused\""))
        }

        /// Polls `/healthz` until it answers (the server is up), for up to a minute.
        static func waitForHealth(_ publicURL: String, client: HTTPClient) async throws -> Bool {
            let deadline = ContinuousClock.now + .seconds(60)
            while ContinuousClock.now < deadline {
                if let response = try? await client.execute(
                    HTTPClientRequest(url: publicURL + "/healthz"), timeout: .seconds(2)),
                    response.status == .ok
                {
                    return true
                }
                try await Task.sleep(for: .milliseconds(100))
            }
            return false
        }
    }
}

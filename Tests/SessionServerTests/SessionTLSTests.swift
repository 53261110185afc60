import Foundation
import GroupSessions
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOSSL
import ScenarioEngine
import SessionServer
import TestSupport
import Testing
import WSClient

/// The server over HTTPS and WSS with a certificate made for the test by `openssl req`, reached by
/// real TLS clients: curl for the page, a WebSocket client for the socket.
@Suite(
    // Without openssl and curl the suite is skipped on a developer's machine; in CI (CI set) it
    // runs and fails, saying to install them.
    .enabled(
        if: (Program.locate("openssl") != nil && Program.locate("curl") != nil)
            || ProcessInfo.processInfo.environment["CI"] != nil,
        "openssl or curl is not installed (Debian: apt-get install openssl curl)"),
    .timeLimit(.minutes(3))
)
struct SessionTLSTests {
    let directory = FileManager.default.temporaryDirectory.appending(path: "csec-tls-\(UUID().uuidString)")

    /// A self-signed certificate for localhost and 127.0.0.1, and its key: (certificate, key).
    func makeCertificate(named name: String) async throws -> (String, String) {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let (certificate, key) = (
            directory.appending(path: "\(name).pem").path, directory.appending(path: "\(name)-key.pem").path
        )
        try await Self.run(
            "openssl",
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out",
                certificate,
            ])
        return (certificate, key)
    }

    @Test func thePageAndTheSocketWorkOverTLSWithTheOriginCheck() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let (certificate, key) = try await makeCertificate(named: "server")
        let session = try SampleSessions.session(vignettes: 1, planSeed: 3, codeSeed: 5)
        let code = session.joinCode.text
        let room = SessionRoom(session: session, generator: SplitMix64(seed: 6))
        let server = SessionServer(
            room: room, pages: try WebPages(directory: Fixtures.repositoryRoot.appending(path: "Web")),
            tls: try SessionTLS(certificateFile: certificate, keyFile: key))
        try await server.application(host: "127.0.0.1", port: 0).test(.live) { client in
            let port = try #require(client.port)
            let page = try await Self.run(
                "curl", ["--silent", "--show-error", "--cacert", certificate, "https://localhost:\(port)/"])
            #expect(page.contains("</html>"), "curl trusts the certificate and gets the page")
            await #expect(throws: (any Error).self, "plain http gets no page") {
                try await Self.run("curl", ["--silent", "--max-time", "5", "http://localhost:\(port)/"])
            }

            var trusting = TLSConfiguration.makeClientConfiguration()
            trusting.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(certificate))
            var logger = Logger(label: "test")
            logger.logLevel = .critical
            let joined = Received()
            let own = WebSocketClientConfiguration(additionalHeaders: [.origin: "https://localhost:\(port)"])
            try await WebSocketClient.connect(
                url: "wss://localhost:\(port)/ws", configuration: own, tlsConfiguration: trusting, logger: logger
            ) { inbound, outbound, _ in
                try await outbound.write(.text(#"{"type":"join","code":"\#(code)","name":"Kim Lee"}"#))
                for try await frame in inbound.messages(maxSize: 1 << 20) {
                    guard case .text(let text) = frame else { continue }
                    joined.append(text)
                    if text.contains(#""type":"joined""#) { return }
                }
            }
            #expect(joined.texts.contains { $0.contains("Kim Lee") }, "the session's own https page joins over wss")

            let foreign = WebSocketClientConfiguration(additionalHeaders: [.origin: "https://evil.example"])
            await #expect(throws: (any Error).self, "a page from another site is refused over wss too") {
                try await WebSocketClient.connect(
                    url: "wss://localhost:\(port)/ws", configuration: foreign, tlsConfiguration: trusting, logger: logger
                ) { _, outbound, _ in
                    try await outbound.write(.text(#"{"type":"join","code":"\#(code)","name":"Eve"}"#))
                }
            }
            #expect(await room.participantCount == 1)
        }
    }

    enum Problem: String, CaseIterable, CustomTestStringConvertible {
        case missingCertificate, certificateIsADirectory, keyIsNotPEM, keyOfAnotherCertificate
        var testDescription: String { rawValue }
    }

    @Test(arguments: Problem.allCases)
    func aCertificateOrKeyThatCannotServeIsAClearError(_ problem: Problem) async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let (certificate, key) = try await makeCertificate(named: "server")
        var (certificateFile, keyFile) = (certificate, key)
        let expected: SessionTLSError
        switch problem {
        case .missingCertificate:
            certificateFile = directory.appending(path: "absent.pem").path
            expected = .missing(certificateFile, kind: .certificate)
        case .certificateIsADirectory:
            certificateFile = directory.path
            expected = .unreadable(certificateFile, kind: .certificate)
        case .keyIsNotPEM:
            keyFile = directory.appending(path: "key.txt").path
            try Data("not a key".utf8).write(to: URL(filePath: keyFile))
            expected = .notPEM(keyFile, kind: .privateKey)
        case .keyOfAnotherCertificate:
            keyFile = try await makeCertificate(named: "other").1
            expected = .mismatched(certificate: certificateFile, key: keyFile)
        }
        #expect(throws: expected) { try SessionTLS(certificateFile: certificateFile, keyFile: keyFile) }
        let fileAtFault = problem == .keyIsNotPEM || problem == .keyOfAnotherCertificate ? keyFile : certificateFile
        #expect(expected.description.hasPrefix("\(fileAtFault): error: "), "the message names the file at fault first")
        _ = try SessionTLS(certificateFile: certificate, keyFile: key)  // the pair itself is fine
    }

    struct ToolFailed: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs a system tool to its end: its standard output, or an error with its standard error.
    @discardableResult
    static func run(_ name: String, _ arguments: [String]) async throws -> String {
        guard let tool = Program.locate(name) else { throw ToolFailed(description: "\(name) is not installed") }
        let result = try await Program.run(tool, arguments)
        guard result.status == 0 else { throw ToolFailed(description: "\(name) failed: \(result.error)") }
        return result.output
    }
}

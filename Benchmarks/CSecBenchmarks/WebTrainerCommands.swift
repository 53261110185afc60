import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

#if canImport(Glibc)
    import Glibc
#endif

/// The csec-trainer commands of the web benchmark, run as a district runs them: each with the
/// benchmark's data directory and, for PostgreSQL, `--database`. `CSEC_TRAINER_DATABASE` is
/// taken out of their environment, so that the embedded run stays on the files.
struct WebTrainerCommands {
    let trainer: URL
    let data: URL
    let content: URL
    let database: String?

    private var storeArguments: [String] {
        ["--data-dir", data.path] + (database.map { ["--database", $0] } ?? [])
    }

    private var environment: [String: String] {
        ProcessInfo.processInfo.environment.filter { $0.key != "CSEC_TRAINER_DATABASE" }
    }

    /// Runs `csec-trainer arguments…` to its end (with the data directory, unless the command
    /// has none); throws with what it printed unless it succeeds.
    func run(_ arguments: [String], dataDirectory: Bool = true) throws {
        let log = data.deletingLastPathComponent().appending(path: "command.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        defer { try? output.close() }
        let process = Process()
        process.executableURL = trainer
        process.arguments = arguments + (dataDirectory ? storeArguments : database.map { ["--database", $0] } ?? [])
        process.environment = environment
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let printed = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw ValidationFailure(
                message: "csec-trainer \(arguments.joined(separator: " ")) failed (\(process.terminationStatus)): \(printed)")
        }
    }

    /// Starts `csec-trainer serve` on `port` (its log in `log`), and returns once it answers
    /// `/healthz`.
    func serve(port: Int, log: URL, client: HTTPClient) async throws -> Process {
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        defer { try? output.close() }
        let server = Process()
        server.executableURL = trainer
        server.arguments =
            [
                "serve", "--bind", "127.0.0.1:\(port)", "--public-url", "http://127.0.0.1:\(port)", "--jurisdiction", "marin",
                "--content", content.path,
            ] + storeArguments
        server.environment = environment
        server.standardOutput = output
        server.standardError = output
        server.standardInput = FileHandle.nullDevice
        try server.run()
        for _ in 0..<600 {
            if let health = try? await client.execute(
                HTTPClientRequest(url: "http://127.0.0.1:\(port)/healthz"), timeout: .seconds(2)), health.status == .ok
            {
                return server
            }
            guard server.isRunning else { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        Self.stop(server)
        throw ValidationFailure(
            message: "csec-trainer serve did not start: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
    }

    /// Stops the server as a service manager does (SIGTERM), and waits for it; SIGKILL after a
    /// minute. Whether it stopped of itself, cleanly.
    @discardableResult
    static func stop(_ server: Process) -> Bool {
        guard server.isRunning else { return server.terminationStatus == 0 }
        kill(server.processIdentifier, SIGTERM)
        for _ in 0..<600 where server.isRunning { usleep(100_000) }
        guard !server.isRunning else {
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
            return false
        }
        return server.terminationStatus == 0
    }
}

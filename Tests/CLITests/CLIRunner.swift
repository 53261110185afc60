import Foundation
import TestSupport

/// Runs the built `csec-trainer` binary, as a user would.
struct CLIRunner {
    /// The products directory: the test bundle sits in it next to the executable.
    static var executable: URL {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent(),
            URL(filePath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Fixtures.repositoryRoot.appending(path: ".build/debug"),
        ]
        return candidates.map { $0.appending(path: "csec-trainer") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2].appending(path: "csec-trainer")
    }

    static func run(
        _ arguments: [String], input: String? = nil, in directory: URL = Fixtures.repositoryRoot,
        environment: [String: String] = [:], executable: URL = executable
    ) async throws -> Program.Result {
        try await Program.run(executable, arguments, input: input, in: directory, environment: environment)
    }

    /// The same, blocking the calling thread: for code that is not async.
    static func run(
        _ arguments: [String], input: String? = nil, in directory: URL = Fixtures.repositoryRoot,
        environment: [String: String] = [:], executable: URL = executable
    ) throws -> Program.Result {
        try Program.run(executable, arguments, input: input, in: directory, environment: environment)
    }

    /// The standard output of a system tool (`pdftotext`, `qpdf`); fails clearly when the tool
    /// is not installed.
    static func tool(_ name: String, _ arguments: [String]) async throws -> String {
        guard let path = Program.locate(name) else { throw ToolMissing(name: name) }
        return try await Program.run(path, arguments).output
    }

    struct ToolMissing: Error, CustomStringConvertible {
        var name: String
        var description: String { "\(name) is not installed: install qpdf and poppler-utils (.ci/run does)" }
    }
}

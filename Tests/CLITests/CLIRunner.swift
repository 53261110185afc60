import Foundation
import TestSupport

/// Runs the built `csec-trainer` binary, as a user would.
struct CLIRunner {
    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

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
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        let inputPipe = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
        try process.run()
        if let input {
            inputPipe.fileHandleForWriting.write(Data(input.utf8))
            try inputPipe.fileHandleForWriting.close()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            error: String(decoding: errorData, as: UTF8.self))
    }

    /// The standard output of a system tool (`pdftotext`, `qpdf`); fails clearly when the tool
    /// is not installed.
    static func tool(_ name: String, _ arguments: [String]) throws -> String {
        let path = ["/usr/bin", "/usr/local/bin", "/bin"].map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let path else {
            throw ToolMissing(name: name)
        }
        return try run(arguments, executable: URL(filePath: path)).output
    }

    struct ToolMissing: Error, CustomStringConvertible {
        var name: String
        var description: String { "\(name) is not installed: install qpdf and poppler-utils (.ci/run does)" }
    }
}

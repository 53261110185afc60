import Foundation

/// Runs a program and waits for it: how tests run the csec-trainer binary and system tools
/// (qpdf, poppler, Python, the install script).
///
/// In an async test, `await Program.run` waits on a thread of its own (``onOwnThread(_:)``).
public enum Program {
    public struct Result: Sendable {
        public var status: Int32
        public var output: String
        public var error: String
    }

    /// `name` on the PATH, or nil when it is not installed.
    public static func locate(_ name: String) -> URL? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
            .map { URL(filePath: String($0)).appending(path: name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs `executable` with `arguments`, `input` as its standard input (none when nil), in
    /// `directory`, with `environment` added to this process's; returns its status and output.
    public static func run(
        _ executable: URL, _ arguments: [String], input: String? = nil, in directory: URL? = nil,
        environment: [String: String] = [:]
    ) async throws -> Result {
        try await onOwnThread { try run(executable, arguments, input: input, in: directory, environment: environment) }
    }

    /// The same, blocking the calling thread: for code that is not async.
    public static func run(
        _ executable: URL, _ arguments: [String], input: String? = nil, in directory: URL? = nil,
        environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
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
}

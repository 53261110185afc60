import Foundation
import Synchronization

/// A `csec-trainer session host` process driven by a test: its console input, and what it
/// prints (standard output and error together), read on a thread of its own so that waiting for
/// a line never holds up the test's tasks (nor the WebSocket pages they drive).
final class HostProcess {
    let process: Process
    let printed: PrintedText
    private let console: Pipe

    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        console = Pipe()
        let output = Pipe()
        process.standardInput = console
        process.standardOutput = output
        process.standardError = output
        try process.run()
        try output.fileHandleForWriting.close()
        printed = PrintedText(reading: output.fileHandleForReading)
    }

    /// Types `line` at the console; returns how much had been printed before it.
    @discardableResult
    func type(_ line: String) -> Int {
        let before = printed.text.count
        try? console.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8))
        return before
    }

    /// `kill -9`: no signal handler runs, nothing is written at the end.
    func killHard() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Waits for the process to end by itself; false after `timeout`.
    func waitForExit(timeout: Duration = .seconds(30)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline { return false }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return true
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? console.fileHandleForWriting.close()
    }
}

/// Everything a process printed so far, read by a thread of its own until it ends.
final class PrintedText: Sendable {
    private let state = Mutex((text: "", ended: false))

    init(reading handle: FileHandle) {
        Thread.detachNewThread { [self] in
            while case let chunk = handle.availableData, !chunk.isEmpty {
                state.withLock { $0.text += String(decoding: chunk, as: UTF8.self) }
            }
            state.withLock { $0.ended = true }
        }
    }

    var text: String { state.withLock { $0.text } }

    /// Waits until what was printed after the first `offset` characters satisfies `found`; false
    /// when the output ends first or after `timeout`.
    func wait(after offset: Int = 0, timeout: Duration = .seconds(30), until found: (Substring) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let (text, ended) = state.withLock { ($0.text, $0.ended) }
            if found(text.dropFirst(offset)) { return true }
            if ended { return false }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return false
    }
}
